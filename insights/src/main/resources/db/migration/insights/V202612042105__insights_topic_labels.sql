-- insights: the short name a language model gave a topic (when one is configured) and the topic's size then, so it is
-- named again once it has doubled. A topic without one is named by its most characteristic terms.
alter table insight_topics add column llm_label varchar(100);
alter table insight_topics add column llm_label_members integer;
