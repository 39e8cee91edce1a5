import { useEffect, useState } from 'react';

type Theme = 'system' | 'light' | 'dark';
const themes: Theme[] = ['system', 'light', 'dark'];
const KEY = 'callscope.theme';

function stored(): Theme {
  const value = localStorage.getItem(KEY);
  return themes.find((t) => t === value) ?? 'system';
}

/** Light, dark, or the system's choice; remembered on this machine. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(stored);
  useEffect(() => {
    localStorage.setItem(KEY, theme);
    const apply = () => {
      const dark = theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
      document.documentElement.setAttribute('data-theme', dark ? 'dark' : 'light');
    };
    apply();
    if (theme !== 'system') return;
    // follow the system while "system" is chosen
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [theme]);
  return (
    <select aria-label="Theme" className="theme-select" value={theme} onChange={(e) => setTheme(themes.find((t) => t === e.target.value) ?? 'system')}>
      {themes.map((t) => (
        <option key={t} value={t}>
          {t === 'system' ? 'System theme' : t === 'light' ? 'Light' : 'Dark'}
        </option>
      ))}
    </select>
  );
}
