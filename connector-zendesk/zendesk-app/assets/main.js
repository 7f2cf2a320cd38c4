/* ResolveHub ticket sidebar: what the AI did on the current ticket. The ticket's tags say whether the AI answered
   (ai_answered) or handed the ticket to the team (ai_escalated). With a read-only tenant token of the hub, a handed-off ticket's
   conversation is read from the hub's inbox (GET /api/v1/tenants/{t}/conversations?channel=zendesk, matched on its
   ticket) to show each AI turn's confidence, the cited sources and the coin events. */
(function () {
  var client = ZAFClient.init();
  var text = function (id, value) { document.getElementById(id).textContent = value; };

  function show(detail) {
    var turns = (detail.turns || []).filter(function (t) { return t.role === 'assistant' && t.confidence != null; });
    document.getElementById('details').hidden = false;
    text('confidence-label', 'Confidence');
    text('confidence', turns.map(function (t) { return Math.round(t.confidence * 100) + '%'; }).join(', ') || '—');
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
    if (!settings.apiToken || tags.indexOf('ai_escalated') < 0) {
      return;
    }
    var base = settings.hubUrl.replace(/\/$/, '') + '/api/v1/tenants/' + encodeURIComponent(settings.tenant);
    var get = function (path) {
      return client.request({ url: base + path, type: 'GET', secure: true,
        headers: { Authorization: 'Bearer {{setting.apiToken}}' } });
    };
    get('/conversations?channel=zendesk&status=escalated').then(function (inbox) {
      var match = (inbox || []).find(function (c) { return c.ticket && c.ticket.system === 'zendesk' && c.ticket.id === ticketId; });
      return match ? get('/conversations/' + encodeURIComponent(match.id)).then(show) : null;
    }).catch(function () {
      text('status', status + ' The hub could not be reached.');
    });
  });
})();
