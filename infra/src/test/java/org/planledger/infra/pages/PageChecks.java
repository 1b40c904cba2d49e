package org.planledger.infra.pages;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Automated parts of WCAG 2.1 AA run in the real browser on every page the tests visit: text
 * contrast (1.4.3) from computed colours against the effective background, a label for every
 * form control (1.3.1, 4.1.2), a name for every image and chart (1.1.1), a page language
 * (3.1.1), one h1 and unique ids, and at phone width no sideways scrolling of the page (1.4.10).
 * Keyboard use (2.1.1, 2.4.1, 2.4.7) is checked by the tests that drive pages with the keyboard.
 */
final class PageChecks {

    private static final String SCRIPT = """
            function rgba(c) { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return [255,255,255,1];
              const p = m[1].split(/[ ,\\/]+/).filter(x => x.length).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; }
            function lum(c) { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
              return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); }
            function background(el) { for (let e = el; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor);
              if (c[3] > 0.5) return c; } return [255,255,255,1]; }
            function hidden(el) { for (let e = el; e; e = e.parentElement) { const s = getComputedStyle(e);
              if (s.display === 'none' || s.visibility === 'hidden' || (s.position === 'absolute' && s.clip && s.clip.startsWith('rect(0'))
                  || (e.classList && e.classList.contains('visually-hidden'))) return true; } return false; }
            const problems = [];
            for (const el of document.body.querySelectorAll('*')) {
              if (el.closest('svg') || el.tagName === 'OPTION' || el.tagName === 'SCRIPT' || el.tagName === 'STYLE') continue;
              const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim().length > 0);
              if (!own || hidden(el) || el.getClientRects().length === 0) continue;
              const s = getComputedStyle(el); const fg = rgba(s.color); const bg = background(el);
              const l1 = lum(fg), l2 = lum(bg); const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
              const size = parseFloat(s.fontSize); const bold = parseInt(s.fontWeight) >= 700;
              const needed = (size >= 24 || (size >= 18.66 && bold)) ? 3 : 4.5;
              if (ratio < needed) problems.push('contrast ' + ratio.toFixed(2) + ' < ' + needed + ' for <' + el.tagName.toLowerCase()
                  + '> "' + el.textContent.trim().slice(0, 40) + '"');
            }
            for (const c of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
              const labelled = (c.id && document.querySelector('label[for="' + CSS.escape(c.id) + '"]')) || c.closest('label')
                  || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby');
              if (!labelled) problems.push('no label for ' + c.outerHTML.slice(0, 80));
            }
            for (const g of document.querySelectorAll('img, svg[role=img]')) {
              if (!(g.getAttribute('alt') || g.getAttribute('aria-label') || g.getAttribute('aria-labelledby')))
                problems.push('no text alternative for ' + g.outerHTML.slice(0, 60));
            }
            if (!document.documentElement.lang) problems.push('no lang on html');
            if (document.querySelectorAll('h1').length !== 1) problems.push(document.querySelectorAll('h1').length + ' h1 elements');
            const ids = {}; for (const e of document.querySelectorAll('[id]')) { if (ids[e.id]) problems.push('duplicate id ' + e.id); ids[e.id] = 1; }
            if (!document.title) problems.push('no title');
            return problems;
            """;

    private PageChecks() {
    }

    @SuppressWarnings("unchecked")
    static void assertAccessible(Browser browser, String page) {
        List<String> problems = (List<String>) browser.script(SCRIPT);
        assertThat(problems).as("accessibility problems on " + page).isEmpty();
    }

    /** At phone width the page itself never scrolls sideways; wide tables scroll inside their own region. */
    static void assertFitsPhone(Browser browser, String page) {
        browser.driver.manage().window().setSize(Browser.PHONE);
        Number overflow = (Number) browser.script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        browser.driver.manage().window().setSize(Browser.DESKTOP);
        assertThat(overflow.intValue()).as("sideways overflow at phone width on " + page + " (px)").isLessThanOrEqualTo(0);
    }
}
