import { useCallback, useEffect } from 'react';
import { hashKey, useQueries, useQuery, type QueryClient, type QueryObserverResult } from '@tanstack/react-query';
import type { CallListFilter, CallPage } from '../../../core/api/types';
import { apiQuery } from '../query/api-query';
import { PAGE_SIZE, useCallList, type CallListItem, type CallSort } from './store';

/**
 * The call list's rows as server state: one query per page of PAGE_SIZE rows, keyed
 * ['listCalls', {offset, limit, sort, filter, count}], read for the pages in view only.
 *
 * Not `useInfiniteQuery`: it holds its pages as one sequence read from the first, so opening the
 * list at row 500,000 (a scrollbar dragged to the middle of a million calls) would read 5,000
 * pages first, and every page read would stay in memory. Here each page is its own query: any
 * offset is read directly, and memory follows the view. The pages beside the view stay observed
 * (but never read) so scrolling back shows them at once; farther ones lose their observer and
 * are dropped after PAGE_GC_MS.
 *
 * A page answers with `count: 'bound'` (a lower bound on the total, without scanning every
 * match); the exact count is its own query, `countCalls`, answered in the background.
 */

/** Pages kept on each side of the rows in view; farther ones are dropped (and read again if scrolled back to). */
export const KEPT_PAGES_AROUND_VIEW = 5;
/** How long a page nobody observes stays (a j/k look-ahead waits for the next key press). */
const PAGE_GC_MS = 10_000;

export function listPageQuery(page: number, sort: CallSort, filter: CallListFilter) {
  return { ...apiQuery('listCalls', { offset: page * PAGE_SIZE, limit: PAGE_SIZE, sort, filter, count: 'bound' }), gcTime: PAGE_GC_MS };
}

export function countQuery(filter: CallListFilter) {
  return apiQuery('countCalls', { filter });
}

export interface CallListData {
  /** the loaded pages by number (the view's, and those kept beside it). */
  pages: Record<number, CallListItem[]>;
  /** how many calls match, or null before any answer. */
  total: number | null;
  /** false while `total` is only a lower bound (the count is still on its way). */
  totalExact: boolean;
  /** false until the list has answered once. */
  ready: boolean;
  error: string | null;
}

interface Answer {
  data: { total: number; exact: boolean } | undefined;
  updatedAt: number;
}

const newestExact = (answers: readonly Answer[]): Answer | undefined => answers.filter((a) => a.data?.exact).sort((a, b) => b.updatedAt - a.updatedAt)[0];

function largestBound(answers: readonly Answer[]): number | null {
  const bounds = answers.flatMap((a) => (a.data ? [a.data.total] : []));
  return bounds.length > 0 ? Math.max(...bounds) : null;
}

/** The total: the newest exact one (the count, or a page that reached the end), else the largest lower bound. */
function totalOf(answers: readonly Answer[]): { total: number | null; totalExact: boolean } {
  const exact = newestExact(answers)?.data;
  return exact ? { total: exact.total, totalExact: true } : { total: largestBound(answers), totalExact: false };
}

const pageAnswer = (page: CallPage | undefined, updatedAt: number): Answer => ({ data: page && { total: page.total, exact: page.total_exact }, updatedAt });
const countAnswer = (count: { total: number } | undefined, updatedAt: number): Answer => ({ data: count && { total: count.total, exact: true }, updatedAt });

type PageResult = QueryObserverResult<CallPage>;

/**
 * The list's page queries for the current sort, filter and view: the pages in view (read) and
 * beside it (kept, not read). `pick` takes what a component shows from them, so that component
 * re-renders only when that changes.
 */
function usePageQueries<T>(pick: (pages: PageResult[], firstPage: number) => T): T {
  const sort = useCallList((s) => s.sort);
  const filter = useCallList((s) => s.filter);
  const [first, last] = useCallList((s) => s.viewPages);
  const from = Math.max(0, first - KEPT_PAGES_AROUND_VIEW);
  const combine = useCallback((results: PageResult[]) => pick(results, from), [pick, from]);
  return useQueries({
    queries: Array.from({ length: last + KEPT_PAGES_AROUND_VIEW - from + 1 }, (_, i) => ({ ...listPageQuery(from + i, sort, filter), enabled: from + i >= first && from + i <= last })),
    combine,
  });
}

interface PageTotals {
  /** the newest exact total a page told (it reached the end of the list) */
  exact: Answer | undefined;
  /** the largest lower bound the pages told */
  bound: number | null;
  error: Error | null;
}

function pageTotals(pages: PageResult[]): PageTotals {
  const answers = pages.map((r) => pageAnswer(r.data, r.dataUpdatedAt));
  return { exact: newestExact(answers), bound: largestBound(answers), error: pages.find((r) => r.error)?.error ?? null };
}

function rowsAndTotals(pages: PageResult[], firstPage: number): PageTotals & { pages: Record<number, CallListItem[]> } {
  return { ...pageTotals(pages), pages: Object.fromEntries(pages.flatMap((r, i) => (r.data ? [[firstPage + i, r.data.rows]] : []))) };
}

/** The total from the count and the pages' own totals. */
function useTotals({ exact, bound, error }: PageTotals): Omit<CallListData, 'pages' | 'ready'> {
  const filter = useCallList((s) => s.filter);
  const count = useQuery(countQuery(filter));
  const told: Answer[] = [countAnswer(count.data, count.dataUpdatedAt), ...(exact ? [exact] : []), { data: bound === null ? undefined : { total: bound, exact: false }, updatedAt: 0 }];
  const failed = error ?? count.error;
  return { ...totalOf(told), error: failed ? failed.message : null };
}

/** The list's rows and total for the current sort, filter and view. */
export function useCallListData(): Omit<CallListData, 'ready'> {
  const { pages, ...told } = usePageQueries(rowsAndTotals);
  return { pages, ...useTotals(told) };
}

/** How many calls the list holds, whether it has answered yet, and why it could not (not re-rendered by scrolling). */
export function useCallListTotal(): Omit<CallListData, 'pages'> {
  const listed = useTotals(usePageQueries(pageTotals));
  const answered = useCallList((s) => s.answered);
  const ready = answered || listed.total !== null;
  useEffect(() => {
    if (ready && !answered) useCallList.getState().markAnswered();
  }, [ready, answered]);
  return { ...listed, ready };
}

/** The loaded pages and the total as the cache holds them now (for keys, outside React). */
export function cachedCallList(client: QueryClient): Pick<CallListData, 'pages' | 'total'> {
  const { sort, filter } = useCallList.getState();
  const pages: Record<number, CallListItem[]> = {};
  const answers: Answer[] = [];
  for (const [key, page] of client.getQueriesData<CallPage>({ queryKey: ['listCalls'] })) {
    const [, input] = key;
    if (!page || !isPageInput(input) || hashKey([input.sort, input.filter]) !== hashKey([sort, filter])) continue;
    pages[Math.floor(input.offset / PAGE_SIZE)] = page.rows;
    answers.push(pageAnswer(page, client.getQueryState(key)?.dataUpdatedAt ?? 0));
  }
  const count = client.getQueryState(countQuery(filter).queryKey);
  answers.push(countAnswer(count?.data, count?.dataUpdatedAt ?? 0));
  return { pages, total: totalOf(answers).total };
}

function isPageInput(input: unknown): input is { offset: number; sort: unknown; filter: unknown } {
  return typeof input === 'object' && input !== null && 'offset' in input && typeof input.offset === 'number';
}
