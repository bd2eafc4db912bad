import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";

// React and nothing else: the weight every React app pays before threadkit.
function Counter() {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount(count + 1)}>
      Clicked {count} times
    </button>
  );
}

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing");
createRoot(root).render(
  <StrictMode>
    <Counter />
  </StrictMode>,
);
