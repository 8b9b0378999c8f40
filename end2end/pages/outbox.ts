import type { Locator, Page } from '@playwright/test';

/**
 * The reports kept on the phone (start page, report form): one card per
 * report, named by where it stands ("Nog niet verstuurd", "Verstuurd", …).
 */
export class OutboxCard {
  constructor(private readonly page: Page) {}

  /** The card of a report in this state (its heading). */
  card(state: string): Locator {
    return this.page.getByRole('region', { name: state, exact: true });
  }

  /** How many reports the phone keeps in its storage. */
  async keptOnPhone(): Promise<number> {
    return this.page.evaluate(
      () => JSON.parse(localStorage.getItem('vw-outbox') ?? '{"kept":[]}').kept.length,
    );
  }
}
