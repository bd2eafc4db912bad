import "@threadkit/components/styles.css";
import "./app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app";

const container = document.getElementById("root");
if (!container) throw new Error("The demo needs a #root element in index.html");
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
