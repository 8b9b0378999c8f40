// The demo accounts the server seeds on a fresh database (server/src/seed.rs).
export const PASSWORD = 'welkom-demo';
export const sanne = { email: 'sanne@example.nl', name: 'Sanne', children: ['Noor', 'Daan'] };
export const ahmed = { email: 'ahmed@example.nl', name: 'Ahmed', children: ['Yara'] };
/** The director of Basisschool De Regenboog (Noor's and Yara's school): decides leave. */
export const director = { email: 'directie@example.nl', name: 'Ingrid Smit' };

/** The date `days` from today, as a date input wants it (YYYY-MM-DD, local time). */
export function dayFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The date `days` from today as the app writes it: "dinsdag 24 november". */
export function dutchDay(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return d.toLocaleDateString('nl-NL', { weekday: 'long', day: 'numeric', month: 'long' });
}
