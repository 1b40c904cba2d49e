// The board page's live feed (LiveBoardEvents, through htmx's SSE extension): says whether it is live,
// says so when the connection is lost, and catches up when it returns. A file, not inline script: the
// Content-Security-Policy allows scripts from this service only.
(function () {
    'use strict';
    var status = document.getElementById('live-status');
    if (!status) {
        return;
    }
    var lost = false;
    var folds = null;

    function say(text, state) {
        status.textContent = text;
        status.className = 'live-status live-' + state;
    }

    function time() {
        return new Date().toLocaleTimeString('en-GB', {hour: '2-digit', minute: '2-digit'});
    }

    document.body.addEventListener('htmx:sseOpen', function () {
        if (lost) {
            lost = false;
            say('Live again: the board has caught up with changes made while it was away.', 'on');
            // changes made while the feed was down sent no event: fetch the results once
            htmx.trigger(document.body, 'live-recovered');
        } else {
            say('Live: new notes and ratings appear here without reloading.', 'on');
        }
    });

    document.body.addEventListener('htmx:sseError', function () {
        lost = true;
        say('Connection lost: changes made elsewhere will not appear until it returns. Reconnecting…', 'lost');
    });

    // A live refresh keeps the priorities the reader opened or folded; a filter change shows them as the server did.
    document.body.addEventListener('htmx:beforeSwap', function (event) {
        if (event.detail.elt && event.detail.elt.id === 'board-results') {
            folds = {};
            document.querySelectorAll('#board-results details.priority-fold').forEach(function (fold) {
                var heading = fold.querySelector('h2');
                if (heading) {
                    folds[heading.id] = fold.open;
                }
            });
        }
    });

    document.body.addEventListener('htmx:afterSettle', function (event) {
        if (folds === null || !event.detail.elt || event.detail.elt.id !== 'board-results') {
            return;
        }
        document.querySelectorAll('#board-results details.priority-fold').forEach(function (fold) {
            var heading = fold.querySelector('h2');
            if (heading && Object.prototype.hasOwnProperty.call(folds, heading.id)) {
                fold.open = folds[heading.id];
            }
        });
        folds = null;
        if (!lost) {
            say('Live: updated at ' + time() + ' with a change recorded elsewhere.', 'on');
        }
    });

    // Printing shows every priority, folded or not, and puts them back afterwards.
    var foldedForPrint = [];
    window.addEventListener('beforeprint', function () {
        foldedForPrint = Array.prototype.filter.call(document.querySelectorAll('details.priority-fold'),
            function (fold) { return !fold.open; });
        foldedForPrint.forEach(function (fold) { fold.open = true; });
    });
    window.addEventListener('afterprint', function () {
        foldedForPrint.forEach(function (fold) { fold.open = false; });
        foldedForPrint = [];
    });
})();
