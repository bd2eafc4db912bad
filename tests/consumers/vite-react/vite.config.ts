import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Three pages, so the build shows what each costs: a full chat, a read-only thread view and a
// React-only baseline.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    rolldownOptions: {
      input: { chat: "index.html", thread: "thread.html", baseline: "baseline.html" },
    },
  },
});
