// Applications for recognition, and who records them.
export const applicationKinds = ['craft_village', 'traditional_craft_village', 'heritage_craft_village', 'artisan_title', 'ocop', 'ip'] as const;
export type ApplicationKind = (typeof applicationKinds)[number];

/** The staff member (or command) making a change, as the audit log names them. */
export interface Actor {
  id: string;
  name: string;
}

/** How the audit log names an actor. */
export const auditActor = (actor: Actor) => `${actor.name} (${actor.id})`;
