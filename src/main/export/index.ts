/** Redacted exports of calls (issue 6): JSON, transcript text and WAV, one call or a zip of many. */
export { attachmentHeader, selectionDownload, singleCallDownload, type Download } from './downloads';
export { EXPORT_FORMATS, selectionExportBody, selectionExportQuery, singleExportQuery, type ExportFormat } from './options';
export { MASK_MODES, TONE_HZ, TONE_AMPLITUDE, type MaskMode } from './mask-signal';
