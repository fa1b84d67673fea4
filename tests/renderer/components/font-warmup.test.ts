// The font warm-up: which faces the stylesheet's rules give, the start's faces left out of the idle ones, one face per
// scheduled moment (and none after a stop), and each start face in a task of its own.
import { describe, expect, it } from 'vitest';
import { fontFacesOf, startFaces, warmFacesNow, warmFontFallback } from '../../../renderer/components/font-warmup';
import type { FontFace } from '../../../renderer/components/font-warmup';

describe('fontFacesOf', () => {
  it('takes px, em and rem sizes and numeric or bold weights, with the root size and normal and bold always in', () => {
    const faces = fontFacesOf(
      [
        { fontSize: '12px', fontWeight: '' },
        { fontSize: '0.85em', fontWeight: '600' },
        { fontSize: '', fontWeight: 'bold' },
        { fontSize: 'larger', fontWeight: 'bolder' },
        { fontSize: '12px', fontWeight: '600' },
      ],
      14,
    );
    const sizes = [...new Set(faces.map((f) => f.sizePx))];
    const weights = [...new Set(faces.map((f) => f.weight))];
    expect(sizes).toEqual([11.9, 12, 14]);
    expect(weights).toEqual([400, 600, 700]);
    expect(faces).toHaveLength(9);
  });

  it('gives the root face alone for a sheet without font rules', () => {
    expect(fontFacesOf([], 16)).toEqual([{ sizePx: 16, weight: 400 }, { sizePx: 16, weight: 700 }]);
  });
});

describe('warmFontFallback', () => {
  const faces: FontFace[] = [{ sizePx: 12, weight: 400 }, { sizePx: 14, weight: 400 }, { sizePx: 14, weight: 700 }, { sizePx: 20, weight: 700 }];

  it('lays out one face per scheduled moment, leaving out the faces already warmed', () => {
    const queue: (() => void)[] = [];
    const laid: string[] = [];
    warmFontFallback({ faces, schedule: (run) => queue.push(run), layOut: (f) => laid.push(`${f.sizePx}/${f.weight}`) }, [{ sizePx: 14, weight: 400 }]);
    expect(laid).toEqual([]);
    expect(queue).toHaveLength(1);
    queue.shift()!();
    expect(laid).toEqual(['12/400']);
    while (queue.length) queue.shift()!();
    expect(laid).toEqual(['12/400', '14/700', '20/700']);
  });

  it('lays out nothing more once stopped, even a moment already scheduled', () => {
    const queue: (() => void)[] = [];
    const laid: FontFace[] = [];
    const stop = warmFontFallback({ faces, schedule: (run) => queue.push(run), layOut: (f) => laid.push(f) });
    queue.shift()!();
    stop();
    while (queue.length) queue.shift()!();
    expect(laid).toHaveLength(1);
  });
});

describe('warmFacesNow', () => {
  it('waits for a task before each face, so none shares its caller\'s task or another face\'s', async () => {
    const log: string[] = [];
    await warmFacesNow(startFaces(14).slice(0, 2), (f) => log.push(`layout ${f.sizePx}/${f.weight}`), async () => {
      log.push('task');
    });
    expect(log).toEqual(['task', 'layout 14/400', 'task', 'layout 14/600']);
  });

  it('starts with the root size in every weight the stylesheet uses', () => {
    expect(startFaces(15).slice(0, 3)).toEqual([{ sizePx: 15, weight: 400 }, { sizePx: 15, weight: 600 }, { sizePx: 15, weight: 700 }]);
  });
});
