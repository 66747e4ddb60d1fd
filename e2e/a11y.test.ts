// Accessibility in Chromium, on the portal's pages and the console's sign-in page:
// - axe-core (WCAG 2.0 and 2.1, levels A and AA) at 390 and 1366 px: every serious or critical violation fails;
// - reflow under zoom (WCAG 1.4.4, 1.4.10): no horizontal scrolling and nothing cut off at the screen's edge;
// - keyboard (WCAG 2.1.1, 2.4.7): Tab reaches every visible control, and each one shows a focus ring that is
//   not clipped away and is on screen.
// Pages not written yet are answered with the home page by the server: the test runs on what is there.
//   npx vite build --outDir /tmp/lh-dist && WEB_DIST=/tmp/lh-dist node --test e2e/a11y.test.ts
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue } from 'axe-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium, startApp, type Running } from './server.ts';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING_IMPACTS: ImpactValue[] = ['serious', 'critical'];

const PORTAL_PAGES = ['/', '/gui-y-kien', '/theo-doi', '/tra-loi', '/tiep-cong-dan'];
const CONSOLE_LOGIN = '/console/';
const WIDTHS = [390, 1366] as const;

/**
 * Browser zoom, emulated the way Chromium applies it: a window W device px wide at zoom Z lays the page out in
 * W / Z CSS px (media queries see that width) with Z times the pixel ratio. CSS `zoom` on <html> is not the same
 * (media queries still see the full width). Text-only scaling (a phone's font-size setting) doubles the root font.
 */
const ZOOMS: { name: string; context: BrowserContextOptions; text200?: true }[] = [
  { name: '390 px phone at 200 % zoom (195 CSS px)', context: { viewport: { width: 195, height: 422 }, deviceScaleFactor: 2 } },
  { name: '1280 px window at 400 % zoom (320 CSS px, WCAG 1.4.10)', context: { viewport: { width: 320, height: 180 }, deviceScaleFactor: 4 } },
  { name: '390 px phone with text at 200 % (WCAG 1.4.4)', context: { viewport: { width: 390, height: 844 } }, text200: true },
];

let app: Running;
let browser: Browser;
before(async () => {
  app = await startApp(3492);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await app?.stop();
});

async function open(path: string, context: BrowserContextOptions): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'vi-VN', ...context });
  const page = await ctx.newPage();
  await page.goto(`${app.url}${path}`, { waitUntil: 'networkidle' });
  await page.locator('#root > *').first().waitFor();
  if (path.startsWith('/console')) await page.getByTestId('login-form').waitFor();
  return page;
}

async function close(page: Page) {
  await page.context().close();
}

/** On the home page the look-up is the working feature: search, and open a unit, so its results are checked too. */
async function openUnit(page: Page) {
  await page.getByTestId('unit-search').fill('phu xuan');
  await page.getByTestId('unit-result-19753').click();
  await page.getByTestId('unit-detail').waitFor();
}

/** axe's serious and critical violations, one line each: rule, help text, impact, the selectors of the nodes. */
async function axeViolations(page: Page): Promise<{ failing: string[]; others: string[] }> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  const results = await page.evaluate(
    (tags) => (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResults> } }).axe.run(document, { runOnly: tags }),
    WCAG_TAGS,
  );
  const line = (v: AxeResults['violations'][number]) =>
    `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`;
  return {
    failing: results.violations.filter((v) => FAILING_IMPACTS.includes(v.impact ?? null)).map(line),
    others: results.violations.filter((v) => !FAILING_IMPACTS.includes(v.impact ?? null)).map(line),
  };
}

for (const path of [...PORTAL_PAGES, CONSOLE_LOGIN]) {
  test(`axe (WCAG 2.1 A/AA) finds nothing serious on ${path}`, async (t) => {
    const problems: string[] = [];
    for (const width of WIDTHS) {
      const page = await open(path, { viewport: { width, height: 900 } });
      const states: [string, (p: Page) => Promise<void>][] = [['as loaded', async () => {}]];
      if (path === '/') states.push(['with a unit open', openUnit]);
      for (const [state, reach] of states) {
        await reach(page);
        const { failing, others } = await axeViolations(page);
        problems.push(...failing.map((v) => `${width} px, ${state}: ${v}`));
        for (const v of others) t.diagnostic(`minor/moderate at ${width} px, ${state}: ${v}`);
      }
      await close(page);
    }
    assert.deepEqual(problems, [], `axe on ${path}:\n${problems.join('\n')}`);
  });
}

/** Elements that make the page scroll sideways or stick out past the screen's left or right edge (cut off). */
function sidewaysOverflow(): string[] {
  const width = document.documentElement.clientWidth;
  const out: string[] = [];
  if (document.documentElement.scrollWidth > window.innerWidth) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${window.innerWidth} CSS px`);
  const reported: Element[] = [];
  const scrollsSideways = (el: Element) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const x = getComputedStyle(a).overflowX;
      if (x === 'auto' || x === 'scroll') return true;
    }
    return false;
  };
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1 || !el.checkVisibility({ visibilityProperty: true })) continue;
    if (r.right <= width + 1 && r.left >= -1) continue;
    if (reported.some((p) => p.contains(el)) || scrollsSideways(el)) continue;
    reported.push(el);
    const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
    out.push(`${name} “${(el.textContent ?? '').trim().slice(0, 40)}” spans ${Math.round(r.left)}…${Math.round(r.right)} of ${width} CSS px`);
  }
  return out;
}

for (const path of [...PORTAL_PAGES, CONSOLE_LOGIN]) {
  test(`${path} reflows under zoom: no sideways scrolling, nothing cut off`, async () => {
    const problems: string[] = [];
    for (const zoom of ZOOMS) {
      const page = await open(path, zoom.context);
      if (zoom.text200) await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
      problems.push(...(await page.evaluate(sidewaysOverflow)).map((p) => `${zoom.name}: ${p}`));
      await close(page);
    }
    assert.deepEqual(problems, [], `${path} under zoom:\n${problems.join('\n')}`);
  });
}

/** Marks every visible control that Tab should reach with data-a11y-tab="n"; returns their descriptions. */
function markTabbables(): { label: string; radioGroup: string | null }[] {
  const selector = 'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
  const found: { label: string; radioGroup: string | null }[] = [];
  for (const el of document.querySelectorAll<HTMLElement>(selector)) {
    el.removeAttribute('data-a11y-tab');
    if (el.matches(':disabled') || el.tabIndex < 0 || el.closest('[inert]')) continue;
    if (el instanceof HTMLInputElement && el.type === 'hidden') continue;
    if (!el.checkVisibility({ visibilityProperty: true }) || el.getClientRects().length === 0) continue;
    const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    const label = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''} “${text}”`;
    el.setAttribute('data-a11y-tab', String(found.length));
    found.push({ label, radioGroup: el instanceof HTMLInputElement && el.type === 'radio' ? el.name || null : null });
  }
  return found;
}

/** The focused element: its mark, and what is wrong with its focus indicator (nothing: an empty list). */
function focusedState(): { mark: string | null; tag: string; problems: string[] } {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { mark: null, tag: 'body', problems: [] };
  const s = getComputedStyle(el);
  const problems: string[] = [];
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  const shadow = s.boxShadow !== 'none';
  const r = el.getBoundingClientRect();
  if (!outline && !shadow) problems.push('no focus indicator (outline and box-shadow are none)');
  if (outline && !shadow) {
    // The outline is drawn around the box, outside it by outline-offset + outline-width: an ancestor that hides its
    // overflow may cut it away entirely.
    const grow = parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth);
    const ring = { left: r.left - grow, right: r.right + grow, top: r.top - grow, bottom: r.bottom + grow };
    for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
      const as = getComputedStyle(a);
      if (as.overflowX === 'visible' && as.overflowY === 'visible') continue;
      const ar = a.getBoundingClientRect();
      if (ring.left < ar.left - 1 || ring.right > ar.right + 1 || ring.top < ar.top - 1 || ring.bottom > ar.bottom + 1) {
        problems.push(`focus outline clipped by ${a.tagName.toLowerCase()}.${[...a.classList].join('.')} (overflow ${as.overflowX}/${as.overflowY})`);
        break;
      }
    }
  }
  if (r.bottom <= 0 || r.top >= window.innerHeight || r.right <= 0 || r.left >= window.innerWidth) problems.push('focused but off screen');
  return { mark: el.getAttribute('data-a11y-tab'), tag: el.tagName.toLowerCase(), problems };
}

for (const path of PORTAL_PAGES) {
  test(`keyboard: Tab reaches every control on ${path}, each with a visible focus indicator`, async () => {
    const problems: string[] = [];
    for (const width of WIDTHS) {
      const page = await open(path, { viewport: { width, height: 900 } });
      const states: [string, (p: Page) => Promise<void>][] = [['as loaded', async () => {}]];
      if (path === '/') states.push(['with a unit open', openUnit]);
      for (const [state, reach] of states) {
        await reach(page);
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        const tabbables = await page.evaluate(markTabbables);
        const reached = new Set<number>();
        const seen: string[] = [];
        for (let i = 0; i < tabbables.length * 2 + 10; i++) {
          await page.keyboard.press('Tab');
          // Focus scrolls its element into view, smoothly where the page asks for it: let the scroll end.
          await page
            .waitForFunction(() => {
              const r = document.activeElement?.getBoundingClientRect();
              return !r || (r.bottom > 0 && r.top < window.innerHeight);
            }, null, { timeout: 2000, polling: 50 })
            .catch(() => {});
          const focused = await page.evaluate(focusedState);
          if (focused.mark === null) {
            if (focused.tag !== 'body') problems.push(`${width} px, ${state}: Tab focused an unlisted ${focused.tag}`);
            continue;
          }
          const n = Number(focused.mark);
          if (reached.has(n)) break; // round the page once
          reached.add(n);
          seen.push(tabbables[n].label);
          for (const p of focused.problems) problems.push(`${width} px, ${state}: ${tabbables[n].label}: ${p}`);
        }
        const radioReached = new Set([...reached].map((n) => tabbables[n].radioGroup).filter(Boolean));
        tabbables.forEach((el, n) => {
          if (reached.has(n) || (el.radioGroup && radioReached.has(el.radioGroup))) return;
          problems.push(`${width} px, ${state}: Tab never reached ${el.label} (order reached: ${seen.join(' → ')})`);
        });
      }
      await close(page);
    }
    assert.deepEqual(problems, [], `keyboard on ${path}:\n${problems.join('\n')}`);
  });
}
