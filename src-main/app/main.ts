import { appPaths, runApp } from './lifecycle';

void runApp(appPaths(import.meta.dirname));
