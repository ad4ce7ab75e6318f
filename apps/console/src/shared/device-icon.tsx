/** A small line drawing of a device type: a round button, a water drop, a watch, a mat; a dot for a type not known. */
export function DeviceIcon({ type }: { type: string }) {
  return (
    <svg className="device-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      {type === 'call_button' && (
        <>
          <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <circle cx="8" cy="8" r="2.6" fill="currentColor" />
        </>
      )}
      {type === 'water_meter' && (
        <path
          d="M8 1.8C6 4.6 3.8 7.2 3.8 9.9a4.2 4.2 0 0 0 8.4 0C12.2 7.2 10 4.6 8 1.8Z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
        />
      )}
      {type === 'wearable' && (
        <>
          <rect x="4" y="4.2" width="8" height="7.6" rx="2" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path
            d="M5.6 4.2 6.2 1.2h3.6l.6 3M5.6 11.8l.6 3h3.6l.6-3"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.3"
          />
        </>
      )}
      {type === 'bed_mat' && (
        <>
          <rect x="1.5" y="5" width="13" height="6" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M4 8h2l1-1.6 1.4 3.2L9.6 8H12" fill="none" stroke="currentColor" strokeWidth="1.1" />
        </>
      )}
      {!['call_button', 'water_meter', 'wearable', 'bed_mat'].includes(type) && (
        <circle cx="8" cy="8" r="3" fill="currentColor" />
      )}
    </svg>
  );
}
