// Browser test of the dashboard, started by BrowserTest (JUnit) with the app's base URL and an output folder:
//   node dashboard.mjs http://localhost:PORT ../../../target/browser
// Logs in through the OIDC provider's login page, checks the inventory table, filters to out of stock, saves
// screenshots, checks that an item named <script>alert(1)</script> is shown as text (no dialog, no CSP error), and
// that an item page draws its stock history chart (issue 13).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [, , baseUrl, outDir] = process.argv;
if (!baseUrl || !outDir) {
  console.error('usage: node dashboard.mjs <base-url> <output-dir>');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

const failures = [];
function check(condition, message) {
  if (!condition) {
    failures.push(message);
    console.error('FAILED: ' + message);
  } else {
    console.log('ok: ' + message);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(20000);
  const dialogs = [];
  const consoleErrors = [];
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  // Only errors of the dashboard's own pages count (the provider's login page may try to load web fonts).
  page.on('console', (message) => {
    if (message.type() === 'error' && page.url().startsWith(baseUrl)) {
      consoleErrors.push(message.text() + ' at ' + (message.location().url || page.url()));
    }
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));

  // 1. Not signed in: the dashboard sends the browser to the provider's login page.
  await page.goto(baseUrl + '/stores/berlin');
  await page.waitForSelector('input[name=username]');
  check(!page.url().startsWith(baseUrl), 'unauthenticated page redirects to the login page (' + page.url().split('?')[0] + ')');

  // 2. Log in as a berlin store user: user name and cognito:groups typed into the provider's form.
  await page.fill('input[name=username]', 'bernd');
  await page.fill('textarea[name=claims]', '{"cognito:groups": ["store-berlin"]}');
  await Promise.all([
    page.waitForURL((url) => url.toString().startsWith(baseUrl + '/stores/berlin')),
    page.click('input[type=submit]'),
  ]);
  await page.waitForSelector('table.items tbody tr');
  const rows = await page.$$eval('table.items tbody tr', (trs) => trs.map((tr) =>
    Array.from(tr.querySelectorAll('td')).map((td) => td.textContent.trim())));
  check(rows.length >= 5, 'inventory table shows the store\'s items (' + rows.length + ' rows)');
  check(rows.some((cells) => cells[1] === '<script>alert(1)</script>'),
    'the item named <script>alert(1)</script> is shown as text');
  const injected = await page.$$eval('table.items script', (scripts) => scripts.length);
  check(injected === 0, 'no script element inside the table');
  const totals = await page.$$eval('dl.totals dd', (dds) => dds.map((dd) => dd.textContent.trim()));
  check(totals.length === 4, 'totals are shown (' + totals.join(', ') + ')');
  await page.screenshot({ path: outDir + '/dashboard-inventory.png', fullPage: true });

  // 3. Filter to out of stock through the filter form (URL parameters).
  await page.selectOption('#status', 'out_of_stock');
  await Promise.all([
    page.waitForURL(/status=out_of_stock/),
    page.click('form.filters button[type=submit]'),
  ]);
  await page.waitForSelector('table.items tbody tr');
  const statuses = await page.$$eval('table.items tbody tr td:nth-child(5)', (tds) => tds.map((td) => td.textContent.trim()));
  check(statuses.length > 0 && statuses.every((s) => s === 'out of stock'),
    'out-of-stock filter shows only out-of-stock items (' + statuses.join(', ') + ')');
  const colour = await page.$eval('table.items tbody tr td:nth-child(5) .status', (el) => getComputedStyle(el).color);
  check(colour !== 'rgb(0, 0, 0)', 'status has its colour (' + colour + ')');

  // 4. The background refresh replaces the results without reloading the page (refresh-seconds is short in tests).
  await page.waitForFunction(() => {
    const line = document.querySelector('[data-refresh-status]');
    return line && line.textContent.startsWith('Updated at');
  }, null, { timeout: 15000 });
  check(true, 'results refreshed in the background');
  await page.screenshot({ path: outDir + '/dashboard-out-of-stock.png', fullPage: true });

  // 5. An item page draws its history chart: an inline SVG from the server, styled by the stylesheet (CSP holds).
  await page.goto(baseUrl + '/stores/berlin/items/cherry');
  await page.waitForSelector('svg#history-chart polyline.history-line');
  const chart = await page.$eval('svg#history-chart', (svg) => {
    const line = svg.querySelector('polyline.history-line');
    const forecast = svg.querySelector('polyline.forecast-line');
    const box = line.getBBox();
    return {
      width: box.width, height: box.height, length: line.getTotalLength(),
      stroke: getComputedStyle(line).stroke, fill: getComputedStyle(line).fill,
      forecastDash: forecast ? getComputedStyle(forecast).strokeDasharray : null,
      dots: svg.querySelectorAll('circle.count').length,
      shown: svg.getBoundingClientRect().width,
    };
  });
  check(chart.length > 100 && chart.width > 100 && chart.height > 10,
    'item page draws the history line (' + Math.round(chart.length) + ' px long, ' + Math.round(chart.width) + ' px wide)');
  check(chart.dots === 5, 'one dot per count (' + chart.dots + ')');
  check(chart.forecastDash && chart.forecastDash !== 'none', 'the forecast is a dashed line (' + chart.forecastDash + ')');
  check(chart.stroke !== 'none' && chart.fill === 'none' && chart.shown > 300,
    'the chart is styled by the stylesheet (stroke ' + chart.stroke + ', ' + Math.round(chart.shown) + ' px shown)');
  await page.screenshot({ path: outDir + '/dashboard-item-chart.png', fullPage: true });

  // 6. Upload: presigned PUT straight to storage (S3Mock in the tests), then the page waits for the import record.
  await page.click('nav.tabs a[href$="/upload"]');
  await page.waitForSelector('#file');
  await page.setInputFiles('#file', { name: 'stock.csv', mimeType: 'text/csv',
    buffer: Buffer.from('store_id,item_id,inventory_level\nberlin,milk,4\n') });
  await page.click('form.upload button[type=submit]');
  await page.waitForFunction(() => {
    const out = document.getElementById('upload-status');
    return out && /Uploaded\.|Upload failed/.test(out.textContent);
  }, null, { timeout: 20000 });
  const uploadText = await page.$eval('#upload-status', (el) => el.textContent);
  check(uploadText.includes('Uploaded.'), 'file uploaded straight to storage (' + uploadText.trim() + ')');
  await page.screenshot({ path: outDir + '/dashboard-upload.png', fullPage: true });

  // 7. Sign out: the header button's CSRF-checked POST (after the upload page's background polling, which must not
  // have replaced the CSRF cookie); the provider's end session returns to /logged-out.
  const hops = [];
  page.on('response', (r) => hops.push(r.status() + ' ' + r.url().split('?')[0]));
  await page.click('header.top form.signout button');
  await page.waitForURL((url) => url.pathname === '/logged-out', { timeout: 20000 })
    .catch(() => check(false, 'sign-out ended at ' + page.url() + ' (' + consoleErrors.join('; ') + ') ' + hops.join(' | ')));
  check((await page.textContent('h1')) === 'You are signed out', 'signed out with the header button');
  await page.goto(baseUrl + '/stores/berlin');
  check(!page.url().startsWith(baseUrl), 'after signing out a page asks for a login again');

  check(dialogs.length === 0, 'no alert dialog opened (' + dialogs.join('; ') + ')');
  const cspViolations = consoleErrors.filter((text) => text.includes('Content Security Policy'));
  check(cspViolations.length === 0, 'no Content-Security-Policy violation (' + cspViolations.join('; ') + ')');
  check(consoleErrors.length === 0, 'no console errors (' + consoleErrors.join('; ') + ')');
} finally {
  await browser.close();
}
if (failures.length > 0) {
  console.error(failures.length + ' check(s) failed');
  process.exit(1);
}
console.log('browser test passed');
