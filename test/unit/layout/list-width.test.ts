import { describe, expect, it } from 'vitest';
import { COLLAPSED_LIST_WIDTH, dragResult, listWidthBounds, listWidthFor, MIN_CALL_WIDTH, MIN_LIST_WIDTH } from '../../../src/renderer/src/layout/list-width';

describe('the call list width', () => {
  it('defaults to 700 px on a wide window, and leaves the call pane 720 px on a smaller one', () => {
    expect(listWidthFor(null, 1440)).toBe(700);
    expect(listWidthFor(null, 1920)).toBe(700);
    expect(listWidthFor(null, 1280)).toBe(560);
    expect(listWidthFor(null, 900)).toBe(MIN_LIST_WIDTH);
  });

  it('keeps a remembered width inside what the window allows', () => {
    expect(listWidthFor(550, 1440)).toBe(550);
    expect(listWidthFor(1300, 1440)).toBe(1440 - MIN_CALL_WIDTH);
    expect(listWidthFor(100, 1440)).toBe(MIN_LIST_WIDTH);
    expect(listWidthBounds(600)).toEqual({ min: MIN_LIST_WIDTH, max: MIN_LIST_WIDTH });
  });

  it('follows a drag, and collapses when dragged far past the narrowest', () => {
    expect(dragResult(700, -150, 1440)).toEqual({ collapsed: false, width: 550 });
    expect(dragResult(700, -450, 1440)).toEqual({ collapsed: false, width: MIN_LIST_WIDTH });
    expect(dragResult(700, -600, 1440)).toEqual({ collapsed: true });
    // from the collapsed strip, dragging right brings the list back at the pointer
    expect(dragResult(COLLAPSED_LIST_WIDTH, 400, 1440)).toEqual({ collapsed: false, width: COLLAPSED_LIST_WIDTH + 400 });
    expect(dragResult(COLLAPSED_LIST_WIDTH, 20, 1440)).toEqual({ collapsed: true });
  });
});
