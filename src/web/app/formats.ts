/**
 * The formats of the pages in the language the user chose (issue 14): Danish by default, British English
 * after the language switch (`domain/danish-format.ts` `formatsFor`). Pages import these functions instead
 * of the Danish ones; PDFs and XLSX are made on the server and stay Danish.
 *
 * The language is held here, not passed to every call: the I18nProvider sets it before its children render,
 * and the page is rendered afresh when it changes (app.tsx keys the shell by language), so no component
 * shows a stale format.
 */
import { formatsFor, type FormatLanguage, type Formats } from '../../domain/danish-format.ts';

export { missingValue } from '../../domain/danish-format.ts';

let current: Formats = formatsFor('da');

export function setFormatLanguage(language: FormatLanguage): void {
  current = formatsFor(language);
}

export const formatDate: Formats['formatDate'] = (...a) => current.formatDate(...a);
export const formatPeriod: Formats['formatPeriod'] = (...a) => current.formatPeriod(...a);
export const formatInstantDate: Formats['formatInstantDate'] = (...a) => current.formatInstantDate(...a);
export const formatTime: Formats['formatTime'] = (...a) => current.formatTime(...a);
export const formatDateTime: Formats['formatDateTime'] = (...a) => current.formatDateTime(...a);
export const formatIsoWeek: Formats['formatIsoWeek'] = (...a) => current.formatIsoWeek(...a);
export const formatWeekOf: Formats['formatWeekOf'] = (...a) => current.formatWeekOf(...a);
export const formatIsoWeeks: Formats['formatIsoWeeks'] = (...a) => current.formatIsoWeeks(...a);
export const formatMonth: Formats['formatMonth'] = (...a) => current.formatMonth(...a);
export const formatNumber: Formats['formatNumber'] = (...a) => current.formatNumber(...a);
export const formatKr: Formats['formatKr'] = (...a) => current.formatKr(...a);
export const formatHours: Formats['formatHours'] = (...a) => current.formatHours(...a);
export const formatPercent: Formats['formatPercent'] = (...a) => current.formatPercent(...a);
export const formatShare: Formats['formatShare'] = (...a) => current.formatShare(...a);
