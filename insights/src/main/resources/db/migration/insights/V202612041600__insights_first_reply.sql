-- insights: what the hub first replied to each opening question, so a gap recheck can show it beside today's answer.
alter table insight_questions add column reply_decision varchar(20);
alter table insight_questions add column reply_confidence double precision;
alter table insight_questions add column reply_reason varchar(40);
alter table insight_questions add column reply_source_id varchar(100);
alter table insight_questions add column reply_source_title varchar(500);
