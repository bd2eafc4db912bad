/**
 * A list call's result: await it for the first page, or iterate it with `for await` to walk every
 * item across pages (the next page is fetched only when the current one is used up).
 *
 * @example
 * const first = await client.threads.list({ limit: 20 });
 * for await (const thread of client.threads.list()) console.log(thread.id);
 */
export class PagePromise<TPage, TItem> implements PromiseLike<TPage>, AsyncIterable<TItem> {
  #first: Promise<TPage> | undefined;
  readonly #fetchFirst: () => Promise<TPage>;
  readonly #fetchNext: (page: TPage) => Promise<TPage> | undefined;
  readonly #items: (page: TPage) => readonly TItem[];

  /**
   * @param fetchFirst Fetches the first page (called once, lazily).
   * @param fetchNext Fetches the page after `page`, or returns `undefined` on the last page.
   * @param items The items of a page.
   */
  constructor(
    fetchFirst: () => Promise<TPage>,
    fetchNext: (page: TPage) => Promise<TPage> | undefined,
    items: (page: TPage) => readonly TItem[],
  ) {
    this.#fetchFirst = fetchFirst;
    this.#fetchNext = fetchNext;
    this.#items = items;
  }

  #firstPage(): Promise<TPage> {
    this.#first ??= this.#fetchFirst();
    return this.#first;
  }

  // biome-ignore lint/suspicious/noThenProperty: a PagePromise is awaitable by design.
  then<R1 = TPage, R2 = never>(
    onfulfilled?: ((value: TPage) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#firstPage().then(onfulfilled, onrejected);
  }

  /** Like `Promise.prototype.catch`, for the first page. */
  catch<R = never>(
    onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null,
  ): Promise<TPage | R> {
    return this.#firstPage().catch(onrejected);
  }

  /** Like `Promise.prototype.finally`, for the first page. */
  finally(onfinally?: (() => void) | null): Promise<TPage> {
    return this.#firstPage().finally(onfinally);
  }

  /** Every page, starting with the first. */
  async *pages(): AsyncGenerator<TPage, void, undefined> {
    let page: TPage | undefined = await this.#firstPage();
    while (page !== undefined) {
      yield page;
      const next = this.#fetchNext(page);
      page = next === undefined ? undefined : await next;
    }
  }

  /** Every item of every page. */
  async *[Symbol.asyncIterator](): AsyncGenerator<TItem, void, undefined> {
    for await (const page of this.pages()) yield* this.#items(page);
  }
}

/** A cursor page of the OpenAI API. */
interface OpenAICursorPage {
  data: readonly unknown[];
  has_more: boolean;
  first_id?: string | null;
  last_id?: string | null;
}

/** Cursor params of an OpenAI list call. */
export interface CursorParams {
  after?: string;
  before?: string;
}

/**
 * The params of the page after `page` for OpenAI cursor pages: `after = last_id`, or
 * `before = first_id` when the caller paged backwards with `before`. `undefined` on the last page.
 */
export function nextCursorParams<P extends CursorParams>(
  params: P,
  page: OpenAICursorPage,
): P | undefined {
  if (!page.has_more || page.data.length === 0) return undefined;
  if (params.before !== undefined && params.after === undefined) {
    const before = page.first_id;
    if (!before) return undefined;
    return { ...params, before };
  }
  const after = page.last_id;
  if (!after) return undefined;
  return { ...params, after };
}
