// A stale translation whose English changed only a little (a typo, punctuation) may need no new
// translation: the check then says how an editor records that, instead of only "bring it in line".

export function minorHint(id: string): string {
  return `; if the English change is only a typo or punctuation fix that needs no new translation, an editor records that instead with npm run locale:mark -- --minor ${id} (every translation made from the previous English moves to the current one)`;
}
