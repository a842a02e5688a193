// A vlog's public page address, /vlogs/<slug>: its title in ASCII, and the start of its id so two vlogs
// of the same title never share one.
export function slugFor(clip: { id: string; title: string }): string {
  const words = clip.title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${words || 'vlog'}-${clip.id.slice(0, 6)}`;
}
