import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { createContext } from 'react';
import type { ThemeName } from './host/teams-host';

/** The theme in use, for what Fluent's tokens cannot say (the charts' colours in high contrast). */
export const ThemeNameContext = createContext<ThemeName>('default');

/** Fluent's Teams theme for the host's theme name. */
export const fluentTheme = (name: ThemeName): Theme =>
  name === 'dark' ? teamsDarkTheme : name === 'contrast' ? teamsHighContrastTheme : teamsLightTheme;
