import { describe, expect, it } from 'vitest';
import { failureCode, failureDetail } from '../../src/media/ffmpeg-failure.js';

describe('a failed clip says why', () => {
  const stderr = [
    "Input #0, mov,mp4,m4a,3gp,3g2,mj2, from '/srv/langnghe/media/clips/abc/source.mp4':",
    '[libx264 @ 0x55] using cpu capabilities: none!',
    'Error opening output file /home/lan/secret-project/out.mp4 with key sk-TOPSECRET-123.',
    '/usr/lib/x86_64-linux-gnu/libavcodec.so.59: No such file or directory',
  ].join('\n');

  it('keeps the last lines, shows paths inside MEDIA_DIR relative to it, hides paths outside, scrubs secrets', () => {
    const detail = failureDetail(stderr, { mediaDir: '/srv/langnghe/media', scrub: (text) => text.replaceAll('sk-TOPSECRET-123', '[redacted]'), lines: 3 });
    expect(detail.split('\n')).toHaveLength(3);
    expect(detail).not.toContain('source.mp4'); // the 4th line from the end was cut
    expect(detail).toContain('Error opening output file [path] with key [redacted].');
    expect(detail).toContain('[path]: No such file or directory');
    expect(detail).not.toMatch(/secret-project|TOPSECRET|\/usr\/lib/);
    const all = failureDetail(stderr, { mediaDir: '/srv/langnghe/media' });
    expect(all).toContain("from 'MEDIA_DIR/clips/abc/source.mp4'");
  });

  it("does not take a sibling folder sharing MEDIA_DIR's prefix for MEDIA_DIR", () => {
    expect(failureDetail('open /srv/media-old/x.mp4 failed', { mediaDir: '/srv/media' })).toBe('open [path] failed');
  });

  it('names the cause in a word staff can act on', () => {
    expect(failureCode('spawn ffmpeg ENOENT', null)).toBe('ffmpeg_missing');
    expect(failureCode('ffmpeg exited with code 1', 'clips/x/source.mp4: No such file or directory')).toBe('source_missing');
    expect(failureCode('ffmpeg exited with code 1', 'av_interleaved_write_frame(): No space left on device')).toBe('disk_full');
    expect(failureCode('ffmpeg was killed (SIGKILL)', '')).toBe('timeout');
    expect(failureCode('ffmpeg exited with code 1', 'Conversion failed!')).toBe('ffmpeg_failed');
    expect(failureCode('Connection is closed.', null)).toBe('other');
  });
});
