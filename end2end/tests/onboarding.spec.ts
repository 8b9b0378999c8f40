// A school starts: the school admin reads in 3 groups, 60 pupils and their
// parents from a CSV file (a file with a mistake is refused and nothing is
// stored), makes activation codes, and a parent activates their account
// with one and reports their child ill. Groups, pupil numbers and e-mail
// addresses are new for each run: other specs and runs share the database.
import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login-page';
import { ActivatePage, ActivationCodesPage, ImportPage, StaffPage } from '../pages/onboarding-page';
import { DeskPage } from '../pages/desk-page';
import { ReportPage } from '../pages/report-page';

/** Mila Koster, the school admin of Het Baken College. */
const admin = { email: 'admin@example.nl', name: 'Mila', fullName: 'Mila Koster' };
const FIRST_NAMES = ['Sem', 'Lotte', 'Finn', 'Saar', 'Milan', 'Julia', 'Noah', 'Tess', 'Levi', 'Fenna'];
const LAST_NAMES = ['Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos'];

/** 60 pupils in 1A, 1B and 1C; every second one with two parents. `broken`: line 21 has a bad e-mail address. */
function pupilFile(run: string, { broken = false } = {}): string {
  const lines = ['leerlingnummer;voornaam;tussenvoegsel;achternaam;groep;ouder1_naam;ouder1_email;ouder2_naam;ouder2_email'];
  for (let n = 1; n <= 60; n++) {
    const first = FIRST_NAMES[n % FIRST_NAMES.length];
    const last = `${LAST_NAMES[n % LAST_NAMES.length]}${n}`;
    const infix = n % 7 === 0 ? 'de' : '';
    const group = ['1A', '1B', '1C'][n % 3];
    const email1 = broken && n === 20 ? `ouder${n}-at-import-${run}` : `ouder${n}@import-${run}.example.nl`;
    const parent2 = n % 2 === 0 ? [`Tweede Ouder ${last}`, `ouder${n}b@import-${run}.example.nl`] : ['', ''];
    lines.push([`${run}-${n}`, first, infix, last, group, `Ouder ${last}`, email1, ...parent2].join(';'));
  }
  return lines.join('\r\n') + '\r\n';
}

test('the admin reads in pupils and makes codes; a parent activates and reports', async ({ page, browser, baseURL }) => {
  test.setTimeout(60_000);
  const run = Math.random().toString(36).slice(2, 8);
  const parent = { email: `ouder1@import-${run}.example.nl`, name: 'Ouder', child: FIRST_NAMES[1] };

  await new LoginPage(page).logInAs(admin);
  await page.getByRole('link', { name: 'Inlezen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Leerlingen inlezen' })).toBeVisible();
  const importing = new ImportPage(page);

  // A file with one bad row: that row is named, and there is nothing to read in.
  await importing.chooseFile('leerlingen.csv', pupilFile(run, { broken: true }));
  await importing.check();
  const refused = importing.outcome('Er staan fouten in het bestand');
  await expect(page.locator('#uitkomst')).toBeFocused();
  await expect(refused).toContainText('We hebben niets ingelezen');
  await expect(refused).toContainText('1 fout.');
  expect(await importing.mistakes()).toEqual([['21', 'ouder1_email', expect.stringContaining('Dit is geen goed e-mailadres')]]);
  await expect(page.getByRole('button', { name: 'Inlezen', exact: true })).toHaveCount(0);

  // Fixed: the check counts what would happen, and stores nothing...
  await importing.chooseFile('leerlingen.csv', pupilFile(run));
  await expect(refused).toHaveCount(0);
  await importing.check();
  const checked = importing.outcome('Het bestand klopt');
  await expect(checked).toContainText('60 leerlingen in 3 groepen');
  await expect(checked).toContainText('Er is nog niets opgeslagen');
  await expect(importing.count(checked, 'Nieuwe leerlingen')).toHaveText('60');
  await expect(importing.count(checked, 'Nieuwe ouders (nog zonder wachtwoord)')).toHaveText('90');

  // ...so reading it in makes all 60 pupils and 90 parents.
  await importing.importIt();
  const imported = importing.outcome('Ingelezen');
  await expect(imported).toContainText('60 leerlingen in 3 groepen zijn ingelezen');
  await expect(importing.count(imported, 'Nieuwe leerlingen')).toHaveText('60');
  await expect(importing.count(imported, 'Nieuwe ouders (nog zonder wachtwoord)')).toHaveText('90');
  await expect(importing.count(imported, 'Ouders die aan een leerling gekoppeld worden')).toHaveText('90');

  // Codes for the new parents, shown once, to print.
  await imported.getByRole('link', { name: 'Naar de activeringscodes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activeringscodes' })).toBeVisible();
  await expect(page.getByText('U ziet de codes maar één keer.')).toBeVisible();
  const codes = new ActivationCodesPage(page);
  await codes.makeCodes();
  const block = codes.block(parent.email);
  await expect(block).toContainText(`Ouder ${LAST_NAMES[1]}1`);
  await expect(block).toContainText(`Voor: ${parent.child} ${LAST_NAMES[1]}1 (1B)`);
  const code = await codes.codeFor(parent.email);
  expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{2}$/);
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeVisible();
  // On paper: only the blocks.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Afdrukken' })).toBeHidden();
  await expect(block).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // The parent, on their own phone, types the code as it comes (small
  // letters, no dashes) and chooses a password: logged in.
  const context = await browser.newContext({ baseURL, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const phone = await context.newPage();
  await phone.goto('/inloggen');
  await phone.getByRole('link', { name: 'Activeer uw account' }).click();
  await expect(phone.getByRole('heading', { level: 1, name: 'Account activeren' })).toBeVisible();
  const activating = new ActivatePage(phone);
  // First a password everyone tries: refused next to the field.
  await activating.activate(code.replaceAll('-', '').toLowerCase(), 'wachtwoord123');
  const password = phone.getByLabel('Kies een wachtwoord');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/makkelijk te raden/);
  await activating.activate(code.replaceAll('-', '').toLowerCase(), 'de fiets staat bij het hek');
  await expect(phone.getByRole('heading', { level: 1, name: `Hallo ${parent.name}` })).toBeVisible();
  await expect(phone.getByRole('heading', { level: 2, name: parent.child })).toBeVisible();
  await expect(phone.getByText('1B · Het Baken College')).toBeVisible();

  // And reports the child ill.
  await phone.getByRole('link', { name: 'Ziek of afwezig melden' }).click();
  const report = new ReportPage(phone);
  await report.chooseChild(parent.child);
  await report.chooseKind('Ziek');
  await report.send();
  await expect(phone.getByRole('heading', { level: 1, name: 'Melding ontvangen' })).toBeVisible();

  // The school sees the report on its desk and marks it seen...
  await page.goto('/');
  const desk = new DeskPage(page);
  await desk.open();
  const reported = desk.report('1B', `${parent.child} ${LAST_NAMES[1]}1`);
  await desk.acknowledge(reported);
  await expect(desk.status()).toContainText('1 melding staat nu op gezien.');
  // ...and the parent sees who saw it.
  await phone.reload();
  await expect(phone.getByText(`Gezien door ${admin.fullName} op`)).toBeVisible();
  await context.close();

  // The code worked once.
  const again = await page.request.post('/api/activation', { data: { code, password: 'nog een lange zin' } });
  expect(again.status()).toBe(422);
});

test('the admin adds a staff member, who activates, and changes their roles', async ({ page, browser, baseURL }) => {
  const run = Math.random().toString(36).slice(2, 8);
  const member = { name: `Kim Bos ${run}`, email: `kim@staff-${run}.example.nl` };

  await new LoginPage(page).logInAs(admin);
  await page.getByRole('link', { name: 'Medewerkers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Medewerkers' })).toBeVisible();
  const staff = new StaffPage(page);
  // Without a role: refused next to the roles.
  await page.getByRole('button', { name: 'Medewerker toevoegen' }).click();
  await page.getByLabel('Naam').fill(member.name);
  await page.getByLabel('E-mailadres').fill(member.email);
  await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
  await expect(staff.roles()).toContainText('Kies minstens één rol.');
  await page.getByRole('button', { name: 'Annuleren' }).click();

  const code = await staff.add(member.name, member.email, ['Verzuimbalie']);
  expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}$/);
  await expect(staff.member(member.name)).toContainText('Rollen: Verzuimbalie');
  await expect(staff.member(member.name)).toContainText('Heeft nog geen wachtwoord gekozen.');

  // They activate on their own device and see the school's part, not the admin's.
  const context = await browser.newContext({ baseURL, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const phone = await context.newPage();
  await new ActivatePage(phone).goto();
  await new ActivatePage(phone).activate(code!, 'koffie met twee suikers');
  await expect(phone.getByRole('heading', { level: 1, name: 'Hallo Kim' })).toBeVisible();
  await expect(phone.getByRole('link', { name: 'Gesprekken' })).toBeVisible();
  await expect(phone.getByRole('link', { name: 'Inlezen' })).toHaveCount(0);
  await phone.goto('/school/inlezen');
  await expect(phone.getByText('Deze pagina is alleen voor de beheerder van de school.')).toBeVisible();
  await context.close();

  // The admin gives them a second role; the list shows both.
  await page.reload();
  await expect(staff.member(member.name)).not.toContainText('Heeft nog geen wachtwoord gekozen.');
  await staff.setRoles(member.name, ['Verzuimbalie', 'Directeur']);
  await expect(staff.member(member.name)).toContainText('Rollen: Verzuimbalie en directeur');
  // The admin cannot take away their own admin role.
  await staff.setRoles('Mila Koster', []);
  await expect(page.getByRole('alert').filter({ hasText: /beheerder/ })).toBeVisible();
});

test('the admin chooses the groups a teacher teaches', async ({ page }) => {
  const run = Math.random().toString(36).slice(2, 8);
  const teacher = { name: `Joris Smit ${run}`, email: `joris@staff-${run}.example.nl` };
  const teacherRole = 'Leerkracht of mentor';

  await new LoginPage(page).logInAs(admin);
  await page.getByRole('link', { name: 'Medewerkers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Medewerkers' })).toBeVisible();
  const staff = new StaffPage(page);
  // The groups are asked for only with the teacher role, with what they do.
  await page.getByRole('button', { name: 'Medewerker toevoegen' }).click();
  await expect(staff.groups()).toHaveCount(0);
  await staff.roles().getByRole('checkbox', { name: teacherRole, exact: true }).check();
  await expect(staff.groups()).toHaveAccessibleDescription(/leerkrachten alleen hun eigen groepen zien/);
  await expect(staff.group('2B')).not.toBeChecked();
  await page.getByRole('button', { name: 'Annuleren' }).click();

  await staff.add(teacher.name, teacher.email, [teacherRole], ['2B']);
  const listed = staff.member(teacher.name);
  await expect(listed).toContainText(`Rollen: ${teacherRole}`);
  await expect(listed).toContainText('Groepen: 2B');

  // "Rollen wijzigen" starts with their groups; without 2B no groups are listed.
  await listed.getByRole('button', { name: /^Rollen wijzigen/ }).click();
  await expect(staff.group('2B')).toBeChecked();
  await staff.group('2B').uncheck();
  await page.getByRole('button', { name: 'Rollen opslaan' }).click();
  await expect(staff.groups()).toHaveCount(0);
  await expect(listed).toContainText(`Rollen: ${teacherRole}`);
  await expect(listed).not.toContainText('Groepen:');

  // A group the school does not have (as if it was removed meanwhile) is
  // refused next to the groups; sent again, 2B is theirs again.
  await listed.getByRole('button', { name: /^Rollen wijzigen/ }).click();
  await staff.group('2B').check();
  await page.route('**/api/schools/*/staff/*', async (route) => {
    const body = route.request().postDataJSON();
    await route.continue({ postData: JSON.stringify({ ...body, groups: ['onbekende-groep'] }) });
  });
  await page.getByRole('button', { name: 'Rollen opslaan' }).click();
  await expect(staff.groups()).toHaveAccessibleDescription(/Kies groepen of klassen van deze school/);
  await expect(staff.group('2B')).toHaveAttribute('aria-invalid', 'true');
  await expect(staff.groups().getByRole('checkbox').first()).toBeFocused();
  await page.unroute('**/api/schools/*/staff/*');
  await page.getByRole('button', { name: 'Rollen opslaan' }).click();
  await expect(staff.groups()).toHaveCount(0);
  await expect(listed).toContainText('Groepen: 2B');
});
