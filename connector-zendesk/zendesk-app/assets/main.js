/* ResolveHub ticket sidebar: what the AI did on the current ticket, for any ticket it took part in. The ticket's tags
   say whether the AI answered (ai_answered) or handed the ticket to the team (ai_escalated). With a read-only tenant
   token of the hub, the ticket's conversation is read from the hub (GET /api/v1/tenants/{t}/conversations/by-ticket/
   zendesk/{ticket id}: the conversation held in the ticket, or the Slack or Teams conversation handed off into it) to
   show the AI's status, each AI turn's confidence, the cited sources and the coin events. Exercised in a real browser
   by hub-app's AdminPageBrowserTest, with Zendesk's SDK and request proxy stood in. */
(function () {
  var client = ZAFClient.init();
  var text = function (id, value) { document.getElementById(id).textContent = value; };

  var STATUS = { open: 'The AI is answering', escalated: 'Handed to your team', resolved: 'Resolved',
    unresolved: 'Closed unresolved' };

  function show(detail) {
    text('status', (STATUS[detail.status] || detail.status) + (detail.handoffReason ? ' (' + detail.handoffReason.replace(/_/g, ' ') + ')' : '')
      + ', ' + (detail.channel || 'zendesk') + ' conversation.');
    var turns = (detail.turns || []).filter(function (t) { return t.role === 'assistant' && t.confidence != null; });
    document.getElementById('details').hidden = false;
    text('confidence-label', 'Confidence');
    // each with what the AI did on that turn: a hand-off a customer asked for carries no confidence in an answer
    text('confidence', turns.map(function (t) {
      return Math.round(t.confidence * 100) + '%' + (t.decision ? ' ' + t.decision : '');
    }).join(', ') || '—');
    text('sources-label', 'Sources');
    var list = document.getElementById('sources');
    turns.forEach(function (t) {
      (t.citations || []).forEach(function (c) {
        var item = document.createElement('li');
        item.textContent = c.title;
        list.appendChild(item);
      });
    });
    text('coins-label', 'Coins');
    var coins = (detail.events || []).filter(function (e) { return ['hold', 'charge', 'release', 'refund'].indexOf(e.type) >= 0; });
    text('coins', coins.map(function (e) { return e.type + (e.detail ? ' ' + e.detail : ''); }).join(', ') || '—');
  }

  Promise.all([client.get(['ticket.id', 'ticket.tags']), client.metadata()]).then(function (results) {
    var ticketId = String(results[0]['ticket.id']);
    var tags = results[0]['ticket.tags'] || [];
    var settings = results[1].settings;
    var status = tags.indexOf('ai_escalated') >= 0 ? 'The AI handed this ticket to your team.'
      : tags.indexOf('ai_answered') >= 0 ? 'The AI answered this ticket.'
      : 'The AI has not taken part in this ticket.';
    text('status', status);
    client.invoke('resize', { width: '100%', height: '220px' });
    // The API token is a secure setting: Zendesk never gives its value to the app's JavaScript (settings.apiToken is
    // always empty here) and puts it into the request on its proxy, so the hub is always asked and says if it is missing.
    var base = settings.hubUrl.replace(/\/$/, '') + '/api/v1/tenants/' + encodeURIComponent(settings.tenant);
    client.request({ url: base + '/conversations/by-ticket/zendesk/' + encodeURIComponent(ticketId), type: 'GET',
      secure: true, headers: { Authorization: 'Bearer {{setting.apiToken}}' } }).then(show).catch(function (error) {
      if (error && error.status === 404) {
        return; // the AI took no part in this ticket: the tags already say so
      }
      if (error && (error.status === 401 || error.status === 403)) {
        text('status', status + ' The hub refused the app\'s API token: an admin of this Zendesk sets a read-only token'
          + ' of tenant ' + settings.tenant + ' (Users page of the hub) in the app\'s settings.');
        return;
      }
      text('status', status + ' The hub could not be reached.');
    });
  });
})();
