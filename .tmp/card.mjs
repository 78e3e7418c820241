// src/integrations/social-cards.ts
import { Resvg } from "@resvg/resvg-js";
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import satori from "satori";

// src/lib/cards.ts
var cardSize = { width: 1200, height: 630 };

// src/integrations/social-cards.ts
var DESIGN_VERSION = 1;
var cacheDir = process.env.KCR_CARD_CACHE || join(process.cwd(), "node_modules", ".cache", "kcr-cards");
var require2 = createRequire(import.meta.url);
var fonts;
function loadFonts() {
  fonts ??= Promise.all(
    [400, 700].map(async (weight) => ({
      name: "Inter",
      weight,
      style: "normal",
      data: await readFile(require2.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`))
    }))
  );
  return fonts;
}
var h = (type, style, children) => ({
  type,
  props: { style, children }
});
function layout(card2) {
  const titleSize = card2.title.length > 90 ? 52 : card2.title.length > 55 ? 60 : 70;
  return h(
    "div",
    {
      // Explicit size and border-box: with 100% and padding, satori pushes the bottom row off the card.
      width: cardSize.width,
      height: cardSize.height,
      boxSizing: "border-box",
      display: "flex",
      flexDirection: "column",
      justifyContent: "space-between",
      padding: "64px 72px",
      // Flat colours, no gradient: the PNG compresses to a fraction of the size, so it is quicker to write and to unfurl.
      backgroundColor: "#0f172a",
      borderLeft: "24px solid #2563eb",
      color: "#f8fafc",
      fontFamily: "Inter"
    },
    [
      h("div", { display: "flex", flexDirection: "column" }, [
        h("div", { display: "flex", fontSize: 30, color: "#bfdbfe", fontWeight: 700 }, card2.eyebrow),
        h(
          "div",
          { display: "flex", marginTop: 28, fontSize: titleSize, fontWeight: 700, lineHeight: 1.1, letterSpacing: -1 },
          card2.title
        ),
        h("div", { display: "flex", marginTop: 28, fontSize: 32, color: "#e2e8f0" }, card2.byline)
      ]),
      h("div", { display: "flex", justifyContent: "space-between", alignItems: "flex-end" }, [
        h(
          "div",
          { display: "flex", flexWrap: "wrap", maxWidth: 860 },
          card2.chips.map(
            (chip) => h(
              "div",
              {
                display: "flex",
                marginRight: 14,
                marginTop: 12,
                padding: "8px 22px",
                borderRadius: 999,
                background: "#1d4ed8",
                border: "2px solid #93c5fd",
                fontSize: 26,
                color: "#ffffff"
              },
              chip
            )
          )
        ),
        h("div", { display: "flex", fontSize: 30, fontWeight: 700, color: "#ffffff" }, "KubeCon Recaps")
      ])
    ]
  );
}
async function renderCard(card2) {
  const key = createHash("sha256").update(JSON.stringify({ DESIGN_VERSION, card: card2 })).digest("hex").slice(0, 32);
  const cached = join(cacheDir, `${key}.png`);
  try {
    return await readFile(cached);
  } catch {
  }
  const svg = await satori(layout(card2), { ...cardSize, fonts: await loadFonts() });
  const png2 = new Resvg(svg, { fitTo: { mode: "width", value: cardSize.width } }).render().asPng();
  await mkdir(cacheDir, { recursive: true });
  await writeFile(cached, png2);
  return png2;
}

// ../../tmp/probe/card.ts
import { writeFileSync } from "node:fs";
var card = { eyebrow: "Talk \xB7 KubeCon Europe 2021", title: "How to Break your Kubernetes Cluster with Networking", byline: "Thomas Graf, Isovalent", chips: ["Networking", "eBPF", "Observability"] };
var t = performance.now();
var png = await renderCard(card);
console.log(png.length, (performance.now() - t).toFixed(0), "ms");
writeFileSync(process.argv[2], png);
