// How exact a village's map point is, in the one word visitors read. Only a point placed at the village itself
// is exact; any other (the former commune's, a merged commune's, the new commune's) is the commune's point, and
// the pages say so in one line ("location approximate: commune") instead of explaining where it came from.

/** 'village' for a point at the village, 'commune' for every point that stands for a whole commune. */
export const precisionShown = (precision: string): 'village' | 'commune' => (precision === 'village' ? 'village' : 'commune');

/** The point does not mark the village itself: pages add the "location approximate" line and maps draw a circle. */
export const isApproximate = (location: { precision: string } | null | undefined): boolean =>
  Boolean(location) && precisionShown(location!.precision) !== 'village';
