// The call to sign on a 360×640 phone: every locale's home page shows it in the first screen,
// with the start of the pledge text visible too (not pushed below, not covered).
import { expect, test } from "vitest";
import { newContext, usePageOnSite } from "../helpers/browser.ts";

const session = usePageOnSite();

test("every home page shows the call to sign and the start of the pledge in the first 360×640 screen", async () => {
  const phone = await newContext(session.web.browser, 360, 640);
  try {
    const tab = await phone.newPage();
    const { homes, campaign } = session.web.site.model;
    expect(homes.length).toBeGreaterThanOrEqual(2);
    for (const home of homes) {
      await tab.goto(session.web.url(home.url));
      const seen = await tab.evaluate((signupUrl) => {
        const within = (r: DOMRect) => r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
        // What the reader sees at a point is the element itself, not something laid over it.
        const onTop = (element: Element, r: DOMRect) => {
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
          return hit !== null && (element === hit || element.contains(hit));
        };
        const cta = [...document.querySelectorAll(`main a[href="${signupUrl}"]`)].find((a) => within(a.getBoundingClientRect()));
        const firstText = document.querySelector(".pledge .section-body p, .pledge .section-body li");
        const range = document.createRange();
        range.selectNodeContents(firstText!);
        const firstLine = range.getClientRects()[0]!;
        return {
          scrollY: window.scrollY,
          cta: cta ? { text: cta.textContent!.trim(), onTop: onTop(cta, cta.getBoundingClientRect()), height: cta.getBoundingClientRect().height } : undefined,
          firstLine: { visible: within(firstLine), onTop: onTop(firstText!, firstLine) },
        };
      }, campaign.signupUrl);
      expect(seen.scrollY, home.url).toBe(0);
      expect(seen.cta, `${home.url}: a sign-up link in the first screen`).toBeDefined();
      expect(seen.cta!.text, home.url).toBe(session.web.site.model.t(home.locale.code, "home.cta"));
      expect(seen.cta!.onTop, `${home.url}: the sign-up link is not covered`).toBe(true);
      expect(seen.cta!.height, `${home.url}: a target at least 24 px tall`).toBeGreaterThanOrEqual(24);
      expect(seen.firstLine, `${home.url}: the first line of the pledge is in the first screen and not covered`).toEqual({ visible: true, onTop: true });
    }
  } finally {
    await phone.close();
  }
});
