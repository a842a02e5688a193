// `npm run staff -- add <email> [--role editor|admin] [--name "Thu Hà"]`: creates a staff account. The
// password is STAFF_PASSWORD when set; otherwise a one-time link to choose one is printed. The API token
// is always the last line printed.
import { parseArgs } from 'node:util';
import { exit, loadCliConfig, openDatabase } from './bootstrap.js';
import { staffRoles, type StaffRole } from '../domain/staff/staff.js';
import { addStaff } from '../services/staff/add-staff.js';
import { passwordLinkUrl } from '../http/console/staff-pages.js';
import { AppError } from '../errors.js';

const usage = 'usage: npm run staff -- add <email> [--role editor|admin] [--name "Full name"]';
const { positionals, values } = parseArgs({ allowPositionals: true, options: { role: { type: 'string', default: 'editor' }, name: { type: 'string' } } });
const [command, email] = positionals;
if (command !== 'add' || !email) {
  console.error(usage);
  process.exit(2);
}
if (!(staffRoles as readonly string[]).includes(values.role)) {
  console.error(`--role must be editor or admin, not "${values.role}"\n${usage}`);
  process.exit(2);
}
// An email names a console account; a plain name (as before the console) makes an API-only account.
const isEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
const config = loadCliConfig();
const { repos, close } = await openDatabase(config);
try {
  const password = isEmail ? process.env.STAFF_PASSWORD || undefined : undefined;
  const staff = await addStaff(
    { staff: repos.staff },
    { name: values.name ?? email, email: isEmail ? email : undefined, role: values.role as StaffRole, password },
  );
  console.log(`Staff "${values.name ?? email}" added as ${values.role} (id ${staff.id}).`);
  if (password) console.log('Their console password is the one in STAFF_PASSWORD.');
  else if (staff.passwordLink)
    console.log(
      `They choose their console password here (once, within 72 hours): ${passwordLinkUrl(config.PUBLIC_URL ?? `http://localhost:${config.PORT}`, staff.passwordLink)}`,
    );
  console.log('Their API token, shown only now:');
  console.log(staff.token);
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await close();
}
exit();
