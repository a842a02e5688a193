// The web chat in Debian's Chromium on a phone (390 px): on a public page the chat button opens the panel, a question
// gets its answer with buttons, a button pages a list in place, a follow-up is understood, "near me" asks the browser
// for its location and lists the nearest villages; embedded with one script tag in a page of another origin (listed
// in CHAT_ALLOWED_ORIGINS, with a strict CSP and hostile CSS of its own) it works the same, and on an origin not
// listed it says it cannot reach the server. axe-core finds no serious or critical violation with the panel open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../src/app.js';
import { testConfig } from '../helpers/test-env.js';
import { launchChromium, newContextIn, screenshot, seriousViolations } from '../helpers/browser.js';

// Vạn Phúc silk village, Hà Đông.
const VAN_PHUC = { latitude: 20.9787, longitude: 105.7718 };

let app: RunningApp;
let browser: Browser;
let portal: Server;
let stranger: Server;

/** Another site's page with the one script tag, a strict CSP and CSS that would wreck an unprotected widget. */
function hostSite(): Server {
  return createServer((request, response) => {
    if (request.url === '/site.css') {
      response.writeHead(200, { 'content-type': 'text/css' });
      return response.end(
        'button { font-size: 40px !important; background: red !important; position: static !important; } div { display: inline !important; }',
      );
    }
    const api = new URL(app.url!).origin;
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'self'; script-src ${api}; connect-src ${api}; img-src ${api}; style-src 'self'`,
    });
    response.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cổng thông tin du lịch</title><link rel="stylesheet" href="/site.css"></head>
<body><main><h1>Cổng thông tin du lịch Hà Nội</h1><p>Trang thử nghiệm nhúng khung trò chuyện.</p></main>
<script src="${app.url}/chat.js" data-lang="en" defer></script></body></html>`);
  });
}

const listen = (server: Server) =>
  new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
const closeServer = (server: Server | undefined) => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

let portalUrl: string;
let strangerUrl: string;

beforeAll(async () => {
  portal = hostSite();
  stranger = hostSite();
  portalUrl = await listen(portal);
  strangerUrl = await listen(stranger);
  app = await startApp(testConfig({ CHAT_ALLOWED_ORIGINS: portalUrl }), 'server');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await closeServer(portal);
  await closeServer(stranger);
});

async function phone(lang: 'vi' | 'en' = 'vi'): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await newContextIn(browser, lang, { geolocation: VAN_PHUC, permissions: ['geolocation'] });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // Errors from the chat's script, and failed answers from its server (the page's own assets are other tests' business).
  page.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource') && problems.push(message.text()));
  page.on(
    'response',
    (response) =>
      /\/(chat\.js|api\/chat)$/.test(new URL(response.url()).pathname) && response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`),
  );
  return { context, page, problems };
}

/** All the bot's words in the panel, in order. */
const botTexts = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('[data-langnghe-chat]')!.shadowRoot!;
    return Array.from(root.querySelectorAll('.msg.bot'), (m) => m.textContent ?? '');
  });

/** Does something in the chat, then waits until the answer is in (the log not busy, its words changed). */
async function answered(page: Page, act: () => Promise<void>): Promise<string[]> {
  const before = JSON.stringify(await botTexts(page));
  await act();
  await page.waitForFunction((previous) => {
    const root = document.querySelector('[data-langnghe-chat]')!.shadowRoot!;
    const log = root.querySelector('.log')!;
    const now = JSON.stringify(Array.from(root.querySelectorAll('.msg.bot'), (m) => m.textContent ?? ''));
    return !log.hasAttribute('aria-busy') && now !== previous;
  }, before);
  return botTexts(page);
}

const lastBot = (page: Page) => page.locator('[data-langnghe-chat] .msg.bot').last();
const focusedInChat = (page: Page) =>
  page.evaluate(() => document.querySelector('[data-langnghe-chat]')!.shadowRoot!.activeElement?.outerHTML.slice(0, 80) ?? null);

describe('the web chat on a public page', () => {
  it('answers a question with buttons, pages a list in place, follows up, and closes with Esc', async () => {
    const { context, page, problems } = await phone();
    // A member of staff signed in to the console: the chat sends no cookies, so no CSRF check stops it.
    await context.addCookies([{ name: 'lns_session', value: 'signed-in-staff', url: app.url! }]);
    await page.goto(`${app.url}/vlogs`);
    const launcher = page.getByRole('button', { name: 'Hỏi LangNghe' });
    await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('false');

    let texts = await answered(page, () => launcher.click());
    const panel = page.getByRole('dialog', { name: 'LangNghe: làng nghề Hà Nội' });
    expect(await panel.isVisible()).toBe(true);
    await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('true');
    expect(await focusedInChat(page)).toMatch(/^<input id="question"/);
    expect(texts[0]).toContain('Xin chào');
    expect(texts.at(-1)).toContain('Bạn muốn xem gì?');
    // The panel fills the phone's screen and nothing spills sideways.
    const box = (await panel.boundingBox())!;
    expect(box.width).toBe(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // A question: its answer, with the village as a card and the menu as a button.
    const input = page.getByRole('textbox', { name: 'Câu hỏi của bạn' });
    texts = await answered(page, async () => {
      await input.fill('Làng gốm Bát Tràng ở đâu?');
      await input.press('Enter');
    });
    expect(texts.at(-1)).toContain('Bát Tràng');
    expect(await page.locator('[data-langnghe-chat] .msg.me').last().textContent()).toBe('Làng gốm Bát Tràng ở đâu?');
    await lastBot(page).getByRole('button', { name: '☰ Menu' }).waitFor();

    // Its card opens the village's card, with what to do next.
    texts = await answered(page, () => lastBot(page).locator('button.card', { hasText: 'Bát Tràng' }).click());
    expect(texts.at(-1)).toMatch(/^🏘 Bát Tràng/);
    await lastBot(page).getByRole('button', { name: '🧭 Chỉ đường' }).waitFor();

    // A follow-up names no village: the one talked about is meant.
    texts = await answered(page, async () => {
      await input.fill('sản phẩm ở đó?');
      await input.press('Enter');
    });
    expect(texts.at(-1)).toContain('Bát Tràng');
    await screenshot(page, 'web-chat-answer-390');

    // A list pages in place: ▶ replaces the list with its next page instead of adding a message.
    await answered(page, () => lastBot(page).getByRole('button', { name: '☰ Menu' }).click());
    texts = await answered(page, () => lastBot(page).getByRole('button', { name: '🏘 Làng nghề' }).click());
    const messages = texts.length;
    const list = lastBot(page);
    const firstPage = await list.locator('.card').allTextContents();
    expect(firstPage).toHaveLength(8);
    expect(await list.getByRole('button', { name: /^1\/\d+$/ }).count()).toBe(1);
    texts = await answered(page, () => list.getByRole('button', { name: '▶' }).click());
    expect(texts).toHaveLength(messages);
    await lastBot(page)
      .getByRole('button', { name: /^2\/\d+$/ })
      .waitFor();
    expect(await lastBot(page).locator('.card').allTextContents()).not.toEqual(firstPage);
    // The pressed button went with its page: focus is on the new page, not lost to the document.
    expect(await focusedInChat(page)).not.toBeNull();

    // Pressing a craft lists its villages.
    const craft = (await lastBot(page).locator('.card').first().textContent())!.replace(/ \(\d+\)$/, '');
    texts = await answered(page, () => lastBot(page).locator('.card').first().click());
    expect(texts.at(-1)).toMatch(new RegExp(`^Các làng ${craft}:`));
    expect(await lastBot(page).locator('.card').count()).toBeGreaterThan(0);

    await page.keyboard.press('Escape');
    expect(await panel.isVisible()).toBe(false);
    await expect(page.evaluate(() => document.activeElement?.hasAttribute('data-langnghe-chat'))).resolves.toBe(true);
    expect(await focusedInChat(page)).toMatch(/class="launcher"/);

    // On the next page the conversation is still there, and goes on.
    await page.goto(`${app.url}/vlogs?lang=vi`);
    await page.getByRole('button', { name: 'Hỏi LangNghe' }).click();
    expect((await botTexts(page)).join('\n')).toContain('Bát Tràng');
    texts = await answered(page, async () => {
      await input.fill('đi đến đó thế nào?');
      await input.press('Enter');
    });
    expect(texts.at(-1)).toContain('Bát Tràng');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('asks for the location only when "near me" is pressed, and lists the nearest villages', async () => {
    const { context, page, problems } = await phone();
    let asked = 0;
    await page.exposeFunction('countLocationRequest', () => asked++);
    await page.addInitScript(() => {
      const original = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
      navigator.geolocation.getCurrentPosition = (...args: Parameters<Geolocation['getCurrentPosition']>) => {
        (window as unknown as { countLocationRequest: () => void }).countLocationRequest();
        original(...args);
      };
    });
    await page.goto(`${app.url}/vlogs`);
    await answered(page, () => page.getByRole('button', { name: 'Hỏi LangNghe' }).click());
    await answered(page, () => lastBot(page).getByRole('button', { name: '📍 Gần tôi' }).click());
    expect(asked).toBe(0);
    const texts = await answered(page, () => lastBot(page).getByRole('button', { name: '📍 Gửi vị trí của tôi' }).click());
    expect(asked).toBe(1);
    expect(texts.at(-1)).toMatch(/^Làng nghề gần bạn:\n?.*Vạn Phúc/s);
    expect(await lastBot(page).locator('.card').first().textContent()).toMatch(/^Vạn Phúc.* · 0\.\d km$/);
    await screenshot(page, 'web-chat-near-me-390');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('has no serious or critical accessibility violation with the panel open', async () => {
    const { context, page } = await phone('en');
    await page.goto(`${app.url}/vlogs?lang=en`);
    await answered(page, () => page.getByRole('button', { name: 'Ask LangNghe' }).click());
    await answered(page, () => lastBot(page).getByRole('button', { name: '🏘 Villages' }).click());
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'web-chat-panel-390');
    await context.close();
  });
});

describe('the web chat embedded in another site', () => {
  it('works from a listed origin with one script tag, untouched by the host page CSS and CSP', async () => {
    const { context, page, problems } = await phone();
    await page.goto(portalUrl);
    const launcher = page.getByRole('button', { name: 'Ask LangNghe' });
    // The host page's `button { font-size: 40px !important; position: static !important }` does not reach it.
    expect(await launcher.evaluate((b) => [getComputedStyle(b).fontSize, getComputedStyle(b).position])).toEqual(['16px', 'fixed']);
    await answered(page, () => launcher.click());
    const input = page.getByRole('textbox', { name: 'Your question' });
    const texts = await answered(page, async () => {
      await input.fill('Where is Van Phuc?');
      await input.press('Enter');
    });
    expect(texts.at(-1)).toContain('Vạn Phúc');
    // The village's entry (a vlog's poster card may name it too).
    await lastBot(page).locator('button.card', { hasText: 'Vạn Phúc' }).waitFor();
    await screenshot(page, 'web-chat-embedded-390');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says it cannot reach LangNghe from an origin that is not listed', async () => {
    const { context, page } = await phone();
    await page.goto(strangerUrl);
    const texts = await answered(page, () => page.getByRole('button', { name: 'Ask LangNghe' }).click());
    expect(texts.at(-1)).toContain('could not reach LangNghe');
    await context.close();
  });
});
