import "@threadkit/components/styles.css";
import "./app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app";
import { ChatKitPage } from "./chatkit/chatkit-page";

const container = document.getElementById("root");
if (!container) throw new Error("The demo needs a #root element in index.html");
// `?ui=chatkit`: the same chat as one `<ChatKit>` options object (the drop-in for chatkit-react).
const dropIn = new URLSearchParams(globalThis.location.search).get("ui") === "chatkit";
createRoot(container).render(<StrictMode>{dropIn ? <ChatKitPage /> : <App />}</StrictMode>);
