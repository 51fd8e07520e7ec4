// The date and time format now lives in src/domain/date-format.ts, because the server writes dates for
// people too (audit targets). This re-export keeps imports written against the old place working.
export * from '../../domain/date-format';
