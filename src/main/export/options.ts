import { z } from 'zod';
import { PII_TYPES } from '../../core/pii/types';
import { MASK_MODES } from './mask-signal';

/** What can be exported, and how: shared by the HTTP routes and the desktop media protocol. */
export const EXPORT_FORMATS = ['json', 'txt', 'wav'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `a,b,c` in a query string to a list (empty: none given). */
const commaList = z
  .string()
  .optional()
  .transform((value) => (value ? value.split(',').map((item) => item.trim()).filter(Boolean) : []));

/** `?types=phone_number,credit_card`: PII types (none given: every type); the PII route reads the same. */
export const piiTypesParam = commaList.pipe(z.array(z.enum(PII_TYPES)));
const mode = z.enum(MASK_MODES).default('tone');

/** `?format=json|txt|wav&types=a,b&mode=tone|silence` for one call. */
export const singleExportQuery = z.object({ format: z.enum(EXPORT_FORMATS), types: piiTypesParam, mode });

/** A selection can be large; the zip is streamed, but each call's WAV is rendered in turn. */
export const MAX_EXPORT_CALLS = 500;

/** `POST /api/v1/exports` body. */
export const selectionExportBody = z.object({
  call_ids: z.array(z.union([z.string().min(1), z.number().int().positive()]).transform(String)).min(1).max(MAX_EXPORT_CALLS),
  formats: z.array(z.enum(EXPORT_FORMATS)).min(1).transform((list) => [...new Set(list)]),
  types: z.array(z.enum(PII_TYPES)).default([]),
  mode,
});

/** The same as a query string (`?call_ids=1,2&formats=json,wav`), for a plain download link. */
export const selectionExportQuery = z.object({
  call_ids: commaList.pipe(z.array(z.string()).min(1).max(MAX_EXPORT_CALLS)),
  formats: commaList.pipe(z.array(z.enum(EXPORT_FORMATS)).min(1)).transform((list) => [...new Set(list)]),
  types: piiTypesParam,
  mode,
});

export type SelectionExportRequest = z.output<typeof selectionExportBody>;
