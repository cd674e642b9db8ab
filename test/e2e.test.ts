// End-to-end test of the web UI: a real Chromium (Debian's, through playwright-core) against the
// server in-process on a temporary database holding examples/corpus. Builds the UI first when
// web/dist is missing or stale. ENTENTE_SCREENSHOTS=1 also writes docs/screenshots/*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openPage, screenshot, startFixture, type Fixture } from './e2e/harness.ts';

let fx: Fixture;
let page: Page;
let errors: string[];

before(async () => {
  fx = await startFixture();
  ({ page, errors } = await openPage(fx.browser));
});

after(async () => {
  await fx?.stop();
});

const STATEMENT = '2023-03-en-cn-ru-statement.md';
const WIRE = '2023-03-en-cn-ru-wire.txt';
const OPPOSE_RED = 'rgb(220, 38, 38)';

/** JSON from the API under test. */
async function apiGet<T>(path: string): Promise<T> {
  const res = await fetch(fx.url + path);
  assert.equal(res.status, 200, `GET ${path}`);
  return (await res.json()) as T;
}

/** The provision element whose text contains `text`. */
const provision = (p: Page, text: string) => p.locator('.provision', { has: p.locator('.prov-text', { hasText: text }) });

/** The number in "22 provisions for …". */
async function resultCount(p: Page): Promise<number> {
  const text = (await p.locator('.results .result-count').textContent()) ?? '';
  const m = /(\d+) provision/.exec(text);
  return m ? Number(m[1]) : 0;
}

test('web UI end to end', { timeout: 90_000 }, async (t) => {
  let statementUrl = '';
  let compareUrl = '';

  await t.test('library lists the documents with counts and filters', async () => {
    const meta = await apiGet<{ counts: { documents: number; provisions: number }; languages: { value: string; count: number }[] }>('/api/meta');
    assert.ok(meta.counts.documents >= 8);
    await page.goto(fx.url + '/');
    await page.locator('table.docs tbody tr').first().waitFor();
    assert.equal(await page.locator('table.docs tbody tr').count(), meta.counts.documents);
    const counts = new RegExp(`${meta.counts.documents}\\s*documents\\s*·\\s*${meta.counts.provisions}\\s*provisions`);
    assert.match((await page.locator('.counts').textContent()) ?? '', counts);
    await screenshot(page, 'library');
    const fr = meta.languages.find((l) => l.value === 'fr')!.count;
    await page.getByLabel('Language').selectOption('fr');
    await page.waitForURL(/language=fr/);
    await page.waitForFunction((n) => document.querySelectorAll('table.docs tbody tr').length === n, fr);
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('table.docs tbody tr').length === n, meta.counts.documents);
  });

  await t.test('the reader colours provisions by act and shows the evidence', async () => {
    await page.locator('tr', { hasText: STATEMENT }).getByRole('link').first().click();
    await page.waitForURL(/\/documents\/[0-9a-f]+$/);
    statementUrl = page.url();
    const docId = new URL(statementUrl).pathname.split('/').pop()!;
    const stored = await apiGet<{ provisions: { index: number; text: string }[] }>(`/api/documents/${docId}`);
    await page.locator('.provision').first().waitFor();
    assert.equal(await page.locator('.provision').count(), stored.provisions.length);
    const oppose = provision(page, 'oppose hegemonism');
    const opposeIndex = stored.provisions.find((p) => p.text.includes('oppose hegemonism'))!.index;
    assert.match((await oppose.getAttribute('class')) ?? '', /\bact-oppose\b/);
    assert.equal(
      await oppose
        .locator('.act-bar span')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor),
      OPPOSE_RED,
    );
    assert.equal(await page.locator('.legend li').count(), 7);
    assert.ok(await page.getByText('Moscow, March 21, 2023').first().isVisible(), 'the closing dateline is listed');

    // Clicking a provision shows each code's evidence; a chip highlights its words.
    await oppose.locator('.prov-text').click();
    await page.waitForURL(new RegExp(`[?&]p=${opposeIndex}`));
    const panel = oppose.locator('.evidence-panel');
    await panel.waitFor();
    assert.match((await panel.textContent()) ?? '', /acts\.tsv:\d+/);
    assert.equal((await oppose.locator('.prov-text mark.evidence').first().textContent())?.toLowerCase(), 'oppose');
    await oppose.locator('.prov-codes .chip-topic', { hasText: 'world_order' }).click();
    assert.ok((await oppose.locator('.prov-text mark.evidence').count()) >= 1);

    // Keyboard: j/k move between provisions, Enter opens one.
    await page.keyboard.press('Escape');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'p1');
    await page.keyboard.press('k');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'p0');
    await page.keyboard.press('Enter');
    await page.waitForURL(/[?&]p=0/);
    await page.locator('#p0 .evidence-panel').waitFor();

    // What is new.
    await page.getByLabel(/Mark provisions new/).check();
    await page.waitForURL(/new=1/);
    await page.locator('.new-summary').waitFor();
    await page.getByLabel(/Mark provisions new/).uncheck();

    // For the screenshot: a provision with two acts, opened through a deep link (?p=).
    const twoActs = stored.provisions.find((p) => p.text.includes('support each other firmly'))!.index;
    await page.goto(`${statementUrl}?p=${twoActs}`);
    await page.locator(`#p${twoActs} .evidence-panel`).waitFor();
    await screenshot(page, 'reader');
  });

  await t.test('search highlights words and facets narrow the results', async () => {
    await page.goto(fx.url + '/');
    await page.locator('table.docs').waitFor();
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'global-search');
    await page.keyboard.type('cooperation');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=cooperation/);
    await page.locator('.hits li').first().waitFor();
    const before = await resultCount(page);
    assert.ok(before > 5, `many hits for cooperation (${before})`);
    assert.match((await page.locator('.hits mark').first().textContent()) ?? '', /coop/i);

    await page.locator('[data-facet="acts"] button[data-value="support"]').click();
    await page.waitForURL(/act=support/);
    await page.waitForFunction((n) => {
      const m = /(\d+) provision/.exec(document.querySelector('.results .result-count')?.textContent ?? '');
      return m && Number(m[1]) < n;
    }, before);
    const after = await resultCount(page);
    assert.ok(after > 0 && after < before, `the facet narrows ${before} → ${after}`);
    assert.equal(await page.locator('.hits > li').count(), after);
    for (const hit of await page.locator('.hits > li').all()) assert.ok(await hit.locator('.chip-act', { hasText: 'support' }).count());
    assert.equal(await page.locator('[data-facet="acts"] button[data-value="support"]').getAttribute('aria-pressed'), 'true');
    await screenshot(page, 'search');

    await page.getByLabel('Keyword in context').check();
    await page.locator('table.kwic tbody tr').first().waitFor();

    await page.goto(fx.url + '/search?q=%22unclosed');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /quote/);
  });

  await t.test('an entity page charts mentions by act', async () => {
    await page.goto(fx.url + '/entities');
    await page.locator('table.entities tbody tr').first().waitFor();
    await page.getByLabel('Name or id').fill('nato');
    await page.locator('table.entities tbody tr').first().getByRole('link').click();
    await page.waitForURL(/\/entities\/nato$/);
    await page.locator('svg.timeline-chart').waitFor();
    assert.ok((await page.locator('svg.timeline-chart rect.bar').count()) >= 3);
    assert.ok(await page.locator('svg.timeline-chart rect.bar.act-concern').count());
    assert.ok((await page.locator('ol.hits > li').count()) >= 3, 'latest mentions are listed');
    await screenshot(page, 'entity');
  });

  await t.test('compare shows reworded, added and dropped provisions', async () => {
    await page.goto(fx.url + '/');
    await page.locator('table.docs tbody tr').first().waitFor();
    await page.locator('tr', { hasText: STATEMENT }).getByRole('checkbox').check();
    await page.locator('tr', { hasText: WIRE }).getByRole('checkbox').check();
    await page.getByRole('link', { name: 'Compare the two selected documents' }).click();
    await page.waitForURL(/\/compare\?a=.+&b=.+/);
    compareUrl = page.url();
    await page.locator('#reworded .pair.reworded').first().waitFor();
    assert.ok(await page.locator('#reworded .diff-del').count());
    assert.ok(await page.locator('#reworded .diff-ins').count());
    assert.ok((await page.locator('#added li').count()) > 0);
    assert.ok((await page.locator('#dropped li').count()) > 0);
    assert.ok(await page.locator('#kept').count());
    assert.ok((await page.locator('#code-changes tbody tr').count()) > 0);
    await screenshot(page, 'compare');
  });

  await t.test('positions list and wording variants', async () => {
    await page.goto(fx.url + '/positions');
    await page.locator('table.positions tbody tr').first().waitFor();
    await screenshot(page, 'positions');
    // A position takes a side: its act is support or oppose, whatever cue stated it (call, commit…).
    await page.goto(fx.url + '/positions?act=oppose');
    await page.locator('table.positions tbody tr').first().waitFor();
    const acts = await page.locator('table.positions tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelector('td')?.textContent?.trim()));
    assert.ok(acts.length && acts.every((a) => a === 'oppose'), acts.join(', '));
    await page.locator('table.positions tbody tr').first().locator('.position-label a').click();
    await page.waitForURL(/\/positions\/\d+$/);
    await page.locator('.variant').first().waitFor();
    assert.ok((await page.locator('ol.members > li').count()) >= 2);
    assert.ok(await page.locator('.variant .diff-ins').count(), 'a variant shows its word differences');
    await screenshot(page, 'position');
  });

  await t.test('a correction through the form is marked and survives re-analysis', async () => {
    await page.goto(statementUrl);
    const noted = provision(page, 'relations are mature and stable');
    await noted.waitFor();
    assert.match((await noted.getAttribute('data-acts')) ?? '', /assert/);
    assert.doesNotMatch((await noted.getAttribute('class')) ?? '', /\bcorrected\b/);
    await noted.locator('.prov-num').click();
    const form = noted.locator('form.correction-form');
    await form.waitFor();
    await form.getByLabel('What').selectOption('act');
    await form.locator('input[name="label"][value="assert"]').uncheck();
    await form.locator('input[name="label"][value="support"]').check();
    await form.getByLabel('Note (optional)').fill('mutual support, not a mere assertion');
    await form.getByLabel('Token').fill(fx.token);
    await form.getByRole('button', { name: 'Save correction' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.locator('.provision.corrected', { hasText: 'relations are mature and stable' }).waitFor();
    assert.equal(await noted.getAttribute('data-acts'), 'support');
    assert.match((await noted.locator('.prov-head .corrected-badge').textContent()) ?? '', /corrected: act/);
    assert.ok(await noted.locator('.prov-head .chip-act.chip-human', { hasText: 'support' }).count());

    // Re-analyse with the button (the token was kept in localStorage), then reload.
    const side = page.locator('.reanalyze-form');
    assert.equal(await side.getByLabel('Token').inputValue(), fx.token);
    await side.getByRole('button', { name: 'Re-analyse' }).click();
    await page.getByRole('status').filter({ hasText: 'Re-analysed' }).waitFor();
    assert.match((await page.getByRole('status').filter({ hasText: 'Re-analysed' }).textContent()) ?? '', /Corrections kept: 0 followed .*, 0 orphaned/);
    await page.reload();
    await noted.waitFor();
    assert.match((await noted.getAttribute('class')) ?? '', /\bcorrected\b/);
    assert.equal(await noted.getAttribute('data-acts'), 'support');

    await page.goto(fx.url + '/corrections');
    const row = page.locator('table.corrections tbody tr').first();
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /e2e-analyst.*act.*assert.*support/s);
    await screenshot(page, 'corrections');
  });

  await t.test('a narrow screen (390 px) has no horizontal scrolling', async () => {
    const narrow = await openPage(fx.browser, 390, 844);
    try {
      for (const path of ['/', new URL(statementUrl).pathname + '?p=4', '/search?q=sanctions', new URL(compareUrl).pathname + new URL(compareUrl).search]) {
        await narrow.page.goto(fx.url + path);
        await narrow.page.locator('main h1').first().waitFor();
        await narrow.page.waitForLoadState('networkidle');
        const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `${path} overflows by ${overflow}px at 390 px`);
      }
      await narrow.page.goto(fx.url + new URL(statementUrl).pathname);
      await narrow.page.locator('.provision').first().waitFor();
      await screenshot(narrow.page, 'reader-narrow');
      assert.deepEqual(narrow.errors, []);
    } finally {
      await narrow.page.context().close();
    }
  });

  assert.deepEqual(errors, [], 'no script errors in the browser');
});
