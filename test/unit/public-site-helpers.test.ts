// The public site's small rules: a source URL read as a site name and a title, the browser's language among
// ours, a village's area keys, the "approximate" rule, and the handbook snapshot reloaded only after an import.
import { describe, expect, it } from 'vitest';
import { sourceLabel } from '../../src/domain/handbook/source-label.js';
import { areaOf, communeAreas } from '../../src/domain/handbook/areas.js';
import { isApproximate } from '../../src/domain/handbook/location-precision.js';
import { preferredLanguage } from '../../src/http/pages/language.js';
import { jsonForScript } from '../../src/http/pages/render.js';
import { createVlogLists } from '../../src/http/pages/vlog-lists.js';
import { createHandbookSnapshot } from '../../src/services/handbook/handbook-snapshot.js';
import { loadHandbook } from '../../src/content/load.js';

describe('sourceLabel', () => {
  it('names known sites and reads the article from the address, without its number and extension', () => {
    expect(sourceLabel('https://vnexpress.net/cam-nang-du-lich-lang-gom-bat-trang-4991663.html')).toEqual({
      url: 'https://vnexpress.net/cam-nang-du-lich-lang-gom-bat-trang-4991663.html',
      site: 'VnExpress',
      title: 'Cam nang du lich lang gom bat trang',
    });
    expect(sourceLabel('https://baophapluat.vn/gom-men-suoi-ngoc-post489300.html').title).toBe('Gom men suoi ngoc');
    expect(sourceLabel('https://www.vietnamplus.vn/thanh-pho-ha-noi-cong-nhan-post958654.vnp')).toMatchObject({
      site: 'VietnamPlus',
      title: 'Thanh pho ha noi cong nhan',
    });
  });

  it('decodes percent-encoding and Wikipedia titles', () => {
    expect(sourceLabel('https://nhandan.vn/tag/h%e1%bb%99i+l%c3%a0ng+b%c3%a1t+tr%c3%a0ng.html')).toMatchObject({
      site: 'Nhân Dân',
      title: 'Hội làng bát tràng',
    });
    expect(sourceLabel('https://vi.m.wikipedia.org./wiki/D%E1%BB%8B_N%E1%BA%ADu,_Th%E1%BA%A1ch_Th%E1%BA%A5t')).toMatchObject({
      site: 'Wikipedia tiếng Việt',
      title: 'Dị Nậu, Thạch Thất',
    });
  });

  it('shows an unknown site by its host, a repository by its name, and no title for a bare number', () => {
    expect(sourceLabel('https://www.example.org/some-page')).toMatchObject({ site: 'example.org', title: 'Some page' });
    expect(sourceLabel('https://github.com/vietmap-company/vietnam_administrative_address')).toMatchObject({
      site: 'GitHub',
      title: 'vietmap-company/vietnam_administrative_address',
    });
    expect(sourceLabel('https://hanoimoi.vn/print/679727.html')).toMatchObject({ site: 'Hà Nội Mới', title: '' });
    expect(sourceLabel('not a url')).toMatchObject({ site: 'not a url', title: '' });
    // A broken escape is shown as written rather than failing the page.
    expect(sourceLabel('https://example.org/lang-nghe%E0%A4').title).toBe('Lang nghe%E0%A4');
  });
});

describe('preferredLanguage', () => {
  it('takes the first of vi and en by the browser’s weights, else Vietnamese', () => {
    expect(preferredLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(preferredLanguage('vi-VN,vi;q=0.9,en;q=0.8')).toBe('vi');
    expect(preferredLanguage('fr-FR,fr;q=0.9,en;q=0.8,vi;q=0.7')).toBe('en');
    expect(preferredLanguage('fr-FR,vi;q=0.5,en;q=0.4')).toBe('vi');
    expect(preferredLanguage('en;q=0.2,vi;q=0.8')).toBe('vi');
    expect(preferredLanguage('en;q=0')).toBe('vi');
    expect(preferredLanguage('de')).toBe('vi');
    expect(preferredLanguage(undefined)).toBe('vi');
  });
});

describe('jsonForScript', () => {
  it('cannot end its <script> early, and still parses to the same data', () => {
    const data = { name: 'Bát Tràng </script><script>alert(1)</script> <!--' };
    const text = jsonForScript(data);
    expect(text).not.toMatch(/<\/script|<!--/i);
    expect(JSON.parse(text)).toEqual(data);
  });
});

describe('areas and precision', () => {
  it('keys former districts and new communes without their unit or diacritics', () => {
    expect(areaOf('huyện Gia Lâm')).toEqual({ key: 'gia-lam', name: 'Gia Lâm' });
    expect(areaOf('thị xã Sơn Tây')).toEqual({ key: 'son-tay', name: 'Sơn Tây' });
    expect(areaOf('quận Đống Đa')).toEqual({ key: 'dong-da', name: 'Đống Đa' });
    expect(communeAreas('xã Gia Lâm hoặc xã Bát Tràng').map((a) => a.key)).toEqual(['gia-lam', 'bat-trang']);
    expect(communeAreas(undefined)).toEqual([]);
  });

  it('calls every point but the village’s own approximate', () => {
    expect(isApproximate({ precision: 'village' })).toBe(false);
    for (const precision of ['commune', 'merged-commune', 'new-commune']) expect(isApproximate({ precision })).toBe(true);
    expect(isApproximate(undefined)).toBe(false);
  });
});

describe('the handbook snapshot', () => {
  const handbook = loadHandbook('content');

  it('loads once, looks at the import time at most every recheckMs, and reloads only when it moved', async () => {
    let importedAt = new Date('2026-12-01T00:00:00Z');
    const calls = { load: 0, importedAt: 0 };
    const repository = {
      load: async () => (calls.load++, handbook),
      importedAt: async () => (calls.importedAt++, importedAt),
    };
    const snapshot = createHandbookSnapshot(repository as never, { recheckMs: 20 });
    const [a, b] = await Promise.all([snapshot(), snapshot()]);
    expect(a).toBe(b);
    expect(calls).toEqual({ load: 1, importedAt: 1 });
    expect(await snapshot()).toBe(a);
    expect(calls.importedAt).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, 30));
    // Past recheckMs: the page gets the snapshot it has while the look happens behind it.
    expect(await snapshot()).toBe(a);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(calls).toEqual({ load: 1, importedAt: 2 });

    importedAt = new Date('2026-12-02T00:00:00Z');
    await new Promise((resolve) => setTimeout(resolve, 30));
    await snapshot();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const reloaded = await snapshot();
    expect(reloaded).not.toBe(a);
    expect(reloaded.importedAt).toBe(importedAt.getTime());
    expect(calls.load).toBe(2);
  });

  it('keeps serving the last snapshot while the database is away, and fails only with none', async () => {
    let down = false;
    const repository = {
      load: async () => handbook,
      importedAt: async () => {
        if (down) throw new Error('connect ECONNREFUSED');
        return new Date('2026-12-01T00:00:00Z');
      },
    };
    const snapshot = createHandbookSnapshot(repository as never, { recheckMs: 0 });
    const first = await snapshot();
    down = true;
    expect(await snapshot()).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await snapshot()).toBe(first);

    const never = createHandbookSnapshot({ load: async () => handbook, importedAt: repository.importedAt } as never);
    await expect(never()).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('the vlog lists of the pages', () => {
  it('asks the database once per list while kept, again after; and goes without vlogs while it is away', async () => {
    let calls = 0;
    let fail: Error | undefined;
    const lists = createVlogLists(
      async () => {
        calls++;
        if (fail) throw fail;
        return [];
      },
      { keepMs: 20 },
    );
    await Promise.all([lists({ limit: 4 }), lists({ limit: 4 })]);
    await lists({ limit: 4 });
    expect(calls).toBe(1);
    await lists({ village: 'bat-trang', limit: 4 });
    expect(calls).toBe(2);

    await new Promise((resolve) => setTimeout(resolve, 30));
    fail = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    await expect(lists({ limit: 4 })).resolves.toEqual([]);
    // Not kept: the next page asks again.
    fail = new Error('a bug');
    await expect(lists({ limit: 4 })).rejects.toThrow('a bug');
    expect(calls).toBe(4);
  });
});
