// The live feed of the board page and the action page (LiveBoardEvents, through htmx's SSE extension):
// says whether it is live, says so when the connection is lost, and catches up when it returns. The part
// of the page that refreshes itself is marked class="live-results"; the status line's data-live-what
// names what caught up ("the board", "this action"). A file, not inline script: the
// Content-Security-Policy allows scripts from this service only.
(function () {
    'use strict';
    var status = document.getElementById('live-status');
    if (!status) {
        return;
    }
    var lost = false;
    var folds = null;
    var what = status.getAttribute('data-live-what') || 'the page';

    function isLiveResults(element) {
        return element && element.classList && element.classList.contains('live-results');
    }

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
            say('Live again: ' + what + ' has caught up with changes made while it was away.', 'on');
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
    // (beforeSwap's element is the one that asked: the live results themselves, or the filter form.)
    var refreshing = false;
    document.body.addEventListener('htmx:beforeSwap', function (event) {
        if (isLiveResults(event.detail.elt)) {
            refreshing = true;
            folds = {};
            document.querySelectorAll('.live-results details.priority-fold').forEach(function (fold) {
                var heading = fold.querySelector('h2');
                if (heading) {
                    folds[heading.id] = fold.open;
                }
            });
        }
    });

    document.body.addEventListener('htmx:afterSettle', function (event) {
        if (!refreshing || !isLiveResults(event.detail.elt)) {
            return;
        }
        refreshing = false;
        document.querySelectorAll('.live-results details.priority-fold').forEach(function (fold) {
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
