// The HTML page in a real browser (headless Chromium from Debian, driven by playwright-core): clicking a
// mention or an entity shows the right card, nothing is fetched from anywhere, and hostile names stay text.
//
//   node page.mjs CHROMIUM PAGE.html HOSTILE.html HOSTILE_NAME COUNTS_JSON SCREENSHOT_DIR
//
// Prints "ok   ..." / "FAIL ..." per check; run.sh counts them. Exit status: 0 all passed, 1 otherwise.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [executablePath, pagePath, hostilePath, hostileName, countsJson, screenshotDir] = process.argv.slice(2);
const counts = JSON.parse(countsJson);

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) {
    passed += 1;
    console.log(`ok   ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL ${name}${detail === undefined ? '' : ` (${detail})`}`);
  }
}

const args = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// A fresh profile for every run; the browser gets it as --user-data-dir.
async function withBrowser(options, body) {
  const profile = mkdtempSync(join(tmpdir(), 'aseankg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath, headless: true, args, viewport: { width: 1400, height: 900 }, ...options,
  });
  try {
    return await body(context);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// Everything the page does that a test must see: requests, dialogs, errors.
function watch(page) {
  const seen = { requests: [], dialogs: [], errors: [] };
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('dialog', (dialog) => { seen.dialogs.push(dialog.message()); dialog.dismiss().catch(() => {}); });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') seen.errors.push(message.text()); });
  return seen;
}

function localOnly(seen) {
  return seen.requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'));
}

const visibleCards = (page) => page.$$eval('.card', (cards) => cards
  .filter((card) => getComputedStyle(card).display !== 'none').map((card) => card.id));

const started = Date.now();
await withBrowser({}, async (context) => {
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(10000);
  const seen = watch(page);
  await page.goto(pathToFileURL(pagePath).href);

  check('the page loads with no card shown and the hint visible',
    (await visibleCards(page)).length === 0 && await page.isVisible('#hint'));

  // The counts are the export's.
  const shown = await page.$$eval('.counts li', (items) => Object.fromEntries(items.map(
    (item) => [item.id.replace('count-', ''), Number(item.querySelector('b').textContent)])));
  check('the counts are the export\'s (aseankg check)', JSON.stringify(shown) === JSON.stringify(counts),
    `${JSON.stringify(shown)} vs ${JSON.stringify(counts)}`);
  const mentions = await page.$$eval('#text .m', (marks) => marks.length);
  check(`every mention is highlighted, nested ones included (${mentions})`, mentions === counts.mentions);
  const dangling = await page.$$eval('#text a.m', (links) => links
    .filter((link) => !document.getElementById(link.getAttribute('href').slice(1))).length);
  check('every mention links to a card', dangling === 0, `${dangling} do not`);

  // Click the mention of 全球发展倡议 in preamble-8.
  const mention = page.locator('#seg-preamble-8 a.m[data-e="global-development-initiative"]').first();
  check('preamble-8 has a mention of 全球发展倡议', (await mention.textContent()) === '全球发展倡议');
  await mention.click();
  const card = page.locator('#entity-global-development-initiative');
  check('clicking it shows the card of the Global Development Initiative, and only that card',
    await card.isVisible() && JSON.stringify(await visibleCards(page)) === '["entity-global-development-initiative"]');
  check('the card names it in English', (await card.locator('.en-name').textContent()) === 'Global Development Initiative');
  check('the card names it in Chinese', (await card.locator('.zh-name').textContent()) === '全球发展倡议');
  const cardText = await card.innerText();
  check('the card gives its type and IRI',
    cardText.includes('Initiative') && cardText.includes('https://example.org/aseankg/id/entity/global-development-initiative'));
  const proposal = await card.locator('li').evaluateAll((items) => items
    .filter((item) => item.querySelector('q') && item.querySelector('q').textContent === '中方提出的全球发展倡议')
    .map((item) => item.innerText));
  check('the card shows China proposed it, in preamble-8, quoting 中方提出的全球发展倡议',
    proposal.length === 1 && proposal[0].includes('中华人民共和国') && proposal[0].includes('proposed') &&
    proposal[0].includes('preamble-8'), JSON.stringify(proposal));
  check('the card lists the segments that mention it',
    (await card.locator('.appears').innerText()).includes('preamble-8'));
  check('the clicked entity\'s mentions are marked',
    await page.$$eval('#text a.m.sel', (links) => links.length > 0 &&
      links.every((link) => link.dataset.e === 'global-development-initiative')));
  check('the address names the card', page.url().endsWith('#entity-global-development-initiative'));
  await page.screenshot({ path: join(screenshotDir, 'html-page.png') });

  // A nested mention: 联合国 inside 联合国宪章 (preamble-4). The first click shows the whole name's card,
  // a second click on the same place the name nested inside it.
  const charter = page.locator('#seg-preamble-4 a.m[data-e="un-charter"]').first();
  const un = charter.locator('.m[data-e="united-nations"]');
  check('联合国宪章 has 联合国 marked inside it', (await un.textContent()) === '联合国');
  await un.click();
  check('a first click on 联合国 inside 联合国宪章 shows the Charter\'s card',
    JSON.stringify(await visibleCards(page)) === '["entity-un-charter"]');
  await un.click();
  check('a second click on the same place shows the United Nations\' card',
    JSON.stringify(await visibleCards(page)) === '["entity-united-nations"]');
  await un.click();
  check('a third click goes back to the outermost name',
    JSON.stringify(await visibleCards(page)) === '["entity-un-charter"]');

  // Click an entity in the list.
  await page.locator('#entities a.ent[data-e="china"]').click();
  const china = page.locator('#entity-china');
  check('clicking an entity in the list shows its card instead',
    JSON.stringify(await visibleCards(page)) === '["entity-china"]');
  const chinaText = await china.innerText();
  check('that card has its names, aliases and relations',
    (await china.locator('.en-name').textContent()) === 'People\'s Republic of China' &&
    chinaText.includes('中华人民共和国') && chinaText.includes('中方') &&
    (await china.locator('.rels li').count()) > 0);
  await page.screenshot({ path: join(screenshotDir, 'html-page-china.png') });

  // A relation's other end is a link to that entity's card.
  await china.locator('.rels a[href="#entity-global-development-initiative"]').first().click();
  check('a link in a card opens the other entity\'s card',
    JSON.stringify(await visibleCards(page)) === '["entity-global-development-initiative"]');

  check('no request left the page (file: and data: only)', localOnly(seen).length === 0,
    localOnly(seen).join(' '));
  check('no dialog, no script error, no blocked resource', seen.dialogs.length === 0 && seen.errors.length === 0,
    [...seen.dialogs, ...seen.errors].join(' | '));
});

// Without JavaScript the URL fragment alone shows the card.
await withBrowser({ javaScriptEnabled: false }, async (context) => {
  const page = context.pages()[0] || await context.newPage();
  await page.goto(`${pathToFileURL(pagePath).href}#entity-china`);
  check('without JavaScript, #entity-china shows that card', JSON.stringify(await visibleCards(page)) === '["entity-china"]');
});

// A name with markup and quotes stays text.
await withBrowser({}, async (context) => {
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(10000);
  const seen = watch(page);
  await page.goto(pathToFileURL(hostilePath).href);
  await page.locator('#seg-preamble-8 a.m[data-e="global-development-initiative"]').first().click();
  const card = page.locator('#entity-global-development-initiative');
  check('a hostile English name is shown as text in the card',
    await card.isVisible() && (await card.locator('.en-name').textContent()) === hostileName);
  check('... and as the mention\'s tooltip',
    (await page.locator('#seg-preamble-8 a.m[data-e="global-development-initiative"]').first()
      .getAttribute('title')) === hostileName);
  check('... and in the entity list',
    (await page.locator('#entities a.ent[data-e="global-development-initiative"] small').textContent()) === hostileName);
  check('... and adds no element: one script, no alert',
    (await page.$$eval('script', (scripts) => scripts.length)) === 1 && seen.dialogs.length === 0 &&
    seen.errors.length === 0, [...seen.dialogs, ...seen.errors].join(' | '));
  await page.screenshot({ path: join(screenshotDir, 'html-page-hostile.png') });
});

console.log(`# browser checks took ${((Date.now() - started) / 1000).toFixed(1)}s`);
process.exit(failed === 0 ? 0 : 1);
