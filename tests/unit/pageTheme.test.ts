// @vitest-environment happy-dom
// The page's theme where a badge sits: from the background behind it (transparent ancestors passed, translucent ones
// blended), else from the text colour; luminance decides.
import { afterEach, describe, expect, it } from 'vitest';
import { luminance, pageThemeAt, parseColor } from '../../src/content/pageTheme.ts';

/** A title element inside nested boxes with these inline styles, outermost first. */
function titleInside(...styles: string[]): HTMLElement {
  let parent: HTMLElement = document.body;
  for (const style of styles) {
    const box = document.createElement('div');
    box.setAttribute('style', style);
    parent.append(box);
    parent = box;
  }
  const title = document.createElement('div');
  parent.append(title);
  return title;
}

afterEach(() => {
  document.body.replaceChildren();
  document.body.removeAttribute('style');
});

describe('parseColor and luminance', () => {
  it('read computed rgb() and rgba() colours, alpha included', () => {
    expect(parseColor('rgb(13, 17, 23)')).toEqual([13, 17, 23, 1]);
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
    expect(parseColor('rgb(255 255 255 / 50%)')).toEqual([255, 255, 255, 0.5]);
    expect(luminance([255, 255, 255, 1])).toBeCloseTo(1);
    expect(luminance([0, 0, 0, 1])).toBe(0);
    expect(luminance([13, 17, 23, 1])).toBeLessThan(0.01);
  });
});

describe('pageThemeAt', () => {
  it('is dark on a dark box and light on a light one, whatever lies further out', () => {
    expect(pageThemeAt(titleInside('background-color: rgb(255, 255, 255)', 'background-color: rgb(13, 17, 23)'))).toBe('dark');
    expect(pageThemeAt(titleInside('background-color: rgb(13, 17, 23)', 'background-color: rgb(250, 250, 250)'))).toBe('light');
  });

  it('walks up past transparent ancestors to the first background', () => {
    expect(pageThemeAt(titleInside('background-color: rgb(17, 17, 17)', 'background-color: rgba(0, 0, 0, 0)', ''))).toBe('dark');
  });

  it('blends a translucent background with what is under it', () => {
    // Half-transparent black over white is mid grey (light); over near-black it stays dark.
    expect(pageThemeAt(titleInside('background-color: rgb(255, 255, 255)', 'background-color: rgba(0, 0, 0, 0.3)'))).toBe('light');
    expect(pageThemeAt(titleInside('background-color: rgb(30, 30, 30)', 'background-color: rgba(255, 255, 255, 0.1)'))).toBe('dark');
  });

  it('with no background anywhere, goes by the text colour: light text means a dark canvas', () => {
    expect(pageThemeAt(titleInside('color: rgb(230, 237, 243)'))).toBe('dark');
    expect(pageThemeAt(titleInside('color: rgb(20, 20, 20)'))).toBe('light');
  });
});
