/**
 * The header's "Language and theme" menu (src/app/display-menu.tsx): opened, set, and closed
 * again with Escape, so no screenshot or later click meets the open panel.
 */
import type { Locator, Page } from '@playwright/test';

const MENU_NAME = /^(Language and theme|Taal en thema)$/;

async function inDisplayMenu(page: Page, change: (panel: Locator) => Promise<void>) {
  await page.getByRole('button', { name: MENU_NAME }).click();
  await change(page.getByRole('group', { name: MENU_NAME }));
  await page.keyboard.press('Escape');
}

export function chooseLanguage(page: Page, locale: 'en' | 'nl-BE'): Promise<void> {
  return inDisplayMenu(page, async (panel) => {
    await panel.getByRole('combobox').selectOption(locale);
  });
}

export function chooseDarkTheme(page: Page, dark: boolean): Promise<void> {
  return inDisplayMenu(page, async (panel) => {
    await panel.getByRole('switch').setChecked(dark);
  });
}

/**
 * Resolves once no CSS transition runs (the theme's 120 ms on every property): measured right
 * after a resize or a theme change, sizes and colours are still between two values. A
 * transition replaced by another one rejects `finished`, so it waits until none is left. Only
 * transitions: an endless animation (a spinner) would never finish.
 */
export function transitionsEnded(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const transitions = () => document.getAnimations().filter((a) => a instanceof CSSTransition);
    for (let running = transitions(); running.length > 0; running = transitions()) {
      await Promise.allSettled(running.map((transition) => transition.finished));
    }
  });
}

/**
 * How many rows the header's items sit on (items whose tops are within 8 px share a row), the
 * items of its status row included, once the transitions have ended.
 */
export async function headerRows(page: Page): Promise<number> {
  await transitionsEnded(page);
  return page.locator('.app-header').evaluate((header) => {
    const tops = [...header.children]
      .flatMap((item) =>
        item.classList.contains('app-header__status') ? [...item.children] : [item],
      )
      .map((item) => item.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0)
      .map((box) => box.top)
      .sort((x, y) => x - y);
    let rows = 0;
    let rowTop = Number.NEGATIVE_INFINITY;
    for (const top of tops) {
      if (top > rowTop + 8) {
        rows += 1;
        rowTop = top;
      }
    }
    return rows;
  });
}
