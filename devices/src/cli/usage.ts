import { SCENARIOS } from '../scenarios/scenario-catalogue';

const scenarioList = Object.values(SCENARIOS)
  .map((scenario) => `      ${scenario.name.padEnd(16)}${scenario.deviceType.padEnd(13)}${scenario.title}`)
  .join('\n');

/** What `--help` prints. */
export const USAGE = `Eldercare device simulator: speaks device protocol v1 to an MQTT broker as firmware does.

Usage:
  devices device --id <id> --type <type> --secret <secret> <action> [options]
      One device sends one uplink, prints the downlinks it gets, and disconnects.
      actions: press | cancel | fall | heartbeat | raw '<json>'
      --battery <0-100>        battery of a heartbeat (default 80)
      --lat <deg> --lon <deg>  position of a wearable's press or fall
      --listen <seconds>       how long to print downlinks after sending (default 5)

  devices household --credentials <file> [--speed <x>] [--start <time>] [--seed <text>] [--worn-at-night] [--duration <s>]
      One elder's devices (at most one of each type) living one daily routine.

  devices fleet --count <n> --credentials <file> [--speed <x>] [--concurrency <n>] [--stats-every <s>]
                [--start <time>] [--seed <text>] [--duration <s>]
      The first n devices of the file, each in its own elder's home, with messages sent per second.

  devices scenario <name> --credentials <file> [--id <device>] [--speed <x>] [--start <time>] [--listen <s>]
      Plays a scripted situation through the first device of the type it needs (or --id):
${scenarioList}

Common options:
  --url <url>            the broker (default mqtt://127.0.0.1:1883)
  --mqtt5                connect with MQTT 5 instead of 3.1.1
  --ts simulated|omit    what goes in each uplink's ts (default: simulated at speed 1, omitted
                         when accelerated, so that the platform is not sent stamps from its future)
  -h, --help             this text

  --speed <x>            simulated time per real time: 1 real time (default), 60 an hour a minute,
                         1440 a day a minute; a scenario also takes "max" (no waiting)
  --start <time>         simulated start: "now" (default) or an ISO date-time such as
                         2025-11-23T06:30:00+08:00
  --seed <text>          replays the same days from the same seed (default "eldercare")
  --duration <seconds>   stop after this long in real time (default: run until Ctrl-C)

The credentials file is a JSON list: [{"deviceId": "btn-0001", "type": "call_button", "secret": "..."}];
types are call_button, water_meter, wearable and bed_mat.
`;
