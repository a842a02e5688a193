// Staff accounts for tests, made through the staff service's use case on the test's own Prisma client.
import type { PrismaClient } from '../../src/data/database.js';
import { createRepositories } from '../../src/data/repositories.js';
import { addStaff, type AddStaffInput } from '../../src/services/staff/add-staff.js';

export const addStaffFor = (prisma: PrismaClient, name: string, options: Omit<AddStaffInput, 'name'> = {}) =>
  addStaff({ staff: createRepositories(prisma).staff }, { name, ...options });
