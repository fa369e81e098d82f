// Parse a GIFT file with gift-pegjs and summarize it as JSON.
//
// Usage: NODE_PATH=<dir>/node_modules node gift_parse.js FILE.gift
//
// Prints {"questions": N, "categories": [...], "items": [{type, title,
// stem, choices}]} on stdout; a syntax error exits 1 with its location.
"use strict";

const fs = require("fs");
const { parse } = require("gift-pegjs");

const file = process.argv[2];
if (!file) {
  console.error("usage: node gift_parse.js FILE");
  process.exit(2);
}
let parsed;
try {
  parsed = parse(fs.readFileSync(file, "utf8"));
} catch (e) {
  const at = e.location ? ` at line ${e.location.start.line}, column ${e.location.start.column}` : "";
  console.error(`gift-pegjs: ${e.message}${at}`);
  process.exit(1);
}
const text = (t) => (t && typeof t === "object" ? t.text : t);
// choices lists a question's answers; a single numerical answer is an
// object rather than a list.
const choices = (q) => {
  if (!q.choices) return [];
  const list = Array.isArray(q.choices) ? q.choices : [{ isCorrect: true, text: q.choices }];
  return list.map((c) => ({
    correct: c.isCorrect,
    text: c.text && typeof c.text === "object" && "number" in c.text ? String(c.text.number) : text(c.text),
  }));
};
const items = parsed.filter((q) => q.type !== "Category" && q.type !== "Description");
const out = {
  questions: items.length,
  categories: parsed.filter((q) => q.type === "Category").map((q) => q.title),
  items: items.map((q) => ({
    type: q.type,
    id: q.id,
    tags: q.tags,
    title: q.title,
    stem: text(q.stem),
    embedded: q.hasEmbeddedAnswers,
    isTrue: q.isTrue,
    feedback: text(q.globalFeedback),
    choices: choices(q),
  })),
};
process.stdout.write(JSON.stringify(out) + "\n");
