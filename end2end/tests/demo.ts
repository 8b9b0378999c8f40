// The demo accounts the server seeds on a fresh database (server/src/seed.rs).
export const PASSWORD = 'welkom-demo';
export const sanne = { email: 'sanne@example.nl', name: 'Sanne', children: ['Noor', 'Daan'] };
export const ahmed = { email: 'ahmed@example.nl', name: 'Ahmed', children: ['Yara'] };
/** The director of Basisschool De Regenboog (Noor's, Yara's and Sem's school): decides leave. */
export const director = { email: 'directie@example.nl', name: 'Ingrid', fullName: 'Ingrid Smit' };
/** Daan's mentor at Het Baken College (role teacher): answers conversations with the mentor. */
export const mentor = { email: 'mentor@example.nl', name: 'Ruben', fullName: 'Ruben Visser' };
/** Sem's mother (Sem: Groep 6, De Regenboog, with 3 unauthorised days already: a due DUO signal). */
export const lotte = { email: 'lotte@example.nl', name: 'Lotte', children: ['Sem'] };
/** The attendance desk of Basisschool De Regenboog. */
export const desk = { email: 'balie@example.nl', name: 'Kees', fullName: 'Kees Jansen' };
/** The school admin of Het Baken College: reads the audit log. */
export const schoolAdmin = { email: 'admin@example.nl', name: 'Mila', fullName: 'Mila Koster' };
/** The care coordinator of Het Baken College: answers conversations with the care coordinator. */
export const careCoordinator = { email: 'fatma@example.nl', name: 'Fatma', fullName: 'Fatma Yilmaz' };

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

/** How many days from today the `n`-th school day (Monday to Friday) after today is. */
export function schoolDaysAhead(n: number): number {
  const d = new Date();
  let days = 0;
  while (n > 0) {
    d.setDate(d.getDate() + 1);
    days += 1;
    if (d.getDay() !== 0 && d.getDay() !== 6) n -= 1;
  }
  return days;
}

/** How many days from today the `n`-th school day (Monday to Friday) before today is (negative). */
export function schoolDaysBack(n: number): number {
  const d = new Date();
  let days = 0;
  while (n > 0) {
    d.setDate(d.getDate() - 1);
    days -= 1;
    if (d.getDay() !== 0 && d.getDay() !== 6) n -= 1;
  }
  return days;
}
