// Staff accounts: the roles, who a signed-in caller is, and the hash tokens are kept as.
import { createHash } from 'node:crypto';

export const staffRoles = ['editor', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

export interface StaffIdentity {
  id: string;
  name: string;
  role: StaffRole;
}

// Tokens and links are long and random, so a slow password hash adds nothing: SHA-256 finds them.
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
