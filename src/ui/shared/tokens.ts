import { getTheme } from '@fluentui/react/lib/Styling';

/** Colours and spacing from the Fluent theme in use (SharePoint passes its theme in). */
export function uiTokens(): { error: string; errorBackground: string; subtle: string; accent: string; border: string; success: string; warning: string } {
  const theme = getTheme();
  return {
    error: theme.semanticColors.errorText,
    errorBackground: theme.semanticColors.errorBackground,
    subtle: theme.palette.neutralSecondary,
    accent: theme.palette.themePrimary,
    border: theme.palette.neutralLight,
    success: theme.semanticColors.successIcon,
    // Dark enough on white for 4.5:1 text contrast.
    warning: '#8a5a00'
  };
}
