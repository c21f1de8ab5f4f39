import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// Generous waits: two busy cores make jsdom slow, and a wait only lasts as long as it must.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());
