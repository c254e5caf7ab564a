// The firm view: every application of every applicant in one table, searched, filtered,
// sorted and paged by the backend; exported as CSV or JSON; and sites and IPs imported from CSV.
import { useState } from "preact/hooks";
import type { FirmQuery } from "../../bindings/FirmQuery";
import type { ImportReport } from "../../bindings/ImportReport";
import type { SortKey } from "../../bindings/SortKey";
import type { Status } from "../../bindings/Status";
import { ErrorNotice } from "../../components/ErrorNotice";
import { useShell } from "../../context";
import { useForm } from "../../hooks/useForm";
import { useLoad } from "../../hooks/useLoad";
import { formatDate, t, type MessageKey } from "../../i18n";
import { call } from "../../ipc";

const PAGE = 25;
const STATUSES: readonly Status[] = [
  "draft",
  "ready",
  "submitted",
  "ispVerification",
  "underReview",
  "moreInfoRequested",
  "resubmitted",
  "approved",
  "rejected",
  "delisted",
  "renewalDue",
  "withdrawn",
];
const COLUMNS: readonly { key: SortKey; label: MessageKey }[] = [
  { key: "profile", label: "firm.applicant" },
  { key: "title", label: "application.name" },
  { key: "status", label: "firm.status" },
  { key: "reference", label: "application.reference" },
  { key: "updated", label: "firm.updated" },
];

export function FirmView({ profileId }: { profileId: number }) {
  const shell = useShell();
  const form = useForm();
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<Status | "">("");
  const [sort, setSort] = useState<SortKey>("updated");
  const [descending, setDescending] = useState(true);
  const [offset, setOffset] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  const [imported, setImported] = useState<ImportReport | null>(null);
  const query: FirmQuery = { sort, descending, offset, limit: PAGE, ...(search.trim() === "" ? {} : { search }), ...(status === "" ? {} : { status }) };
  const load = useLoad(() => call("firm_page", { query }), [search, status, sort, descending, offset, shell.dataVersion]);
  const sortBy = (key: SortKey) => {
    if (key === sort) setDescending(!descending);
    else {
      setSort(key);
      setDescending(key === "updated");
    }
    setOffset(0);
  };
  const exportAs = (format: "csv" | "json") =>
    void form.submit(async () => {
      // Every matching row, not only this page.
      const path = await call("export_applications", { query: { ...query, offset: 0, limit: 0 }, format });
      if (path !== null) setSaved(path);
    });
  return (
    <section class="card" aria-labelledby="firm-title" data-testid="firm-view">
      <h2 id="firm-title">{t("firm.title")}</h2>
      <p class="muted">{t("firm.intro")}</p>
      <div class="row firm-controls">
        <label>
          {t("firm.search")}{" "}
          <input type="search" name="firmSearch" value={search} onInput={(e) => (setSearch(e.currentTarget.value), setOffset(0))} />
        </label>
        <label>
          {t("firm.status")}{" "}
          <select name="firmStatus" value={status} onChange={(e) => (setStatus(e.currentTarget.value as Status | ""), setOffset(0))}>
            <option value="">{t("firm.anyStatus")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`application.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {load.state === "failed" ? <ErrorNotice error={load.error} onRetry={shell.dataChanged} /> : null}
      {load.state === "ready" ? (
        <>
          <div class="table-scroll">
            <table class="firm-table">
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <th key={c.key} scope="col" aria-sort={sort === c.key ? (descending ? "descending" : "ascending") : "none"}>
                      <button type="button" class="link-button" onClick={() => sortBy(c.key)}>
                        {t(c.label)} {sort === c.key ? (descending ? "▼" : "▲") : ""}
                      </button>
                    </th>
                  ))}
                  <th scope="col">{t("firm.ips")}</th>
                </tr>
              </thead>
              <tbody>
                {load.data.rows.map((r) => (
                  <tr key={r.id} data-row={r.id}>
                    <td dir="auto">{r.profileName}</td>
                    <td dir="auto">{r.title}</td>
                    <td>
                      <span class={`status-badge status-${r.status}`}>{t(`application.status.${r.status}` as MessageKey)}</span>
                    </td>
                    <td>
                      <code dir="ltr">{r.reference ?? ""}</code>
                    </td>
                    <td>{formatDate(r.updatedAt)}</td>
                    <td dir="ltr">{r.registeredIps.join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="row firm-paging">
            <span data-testid="firm-count">
              {load.data.total === 0
                ? t("firm.none")
                : t("firm.range", { from: offset + 1, to: offset + load.data.rows.length, total: load.data.total })}
            </span>
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {t("firm.previous")}
            </button>
            <button type="button" disabled={offset + PAGE >= load.data.total} onClick={() => setOffset(offset + PAGE)}>
              {t("firm.next")}
            </button>
          </div>
        </>
      ) : null}
      <div class="row">
        <button type="button" disabled={form.pending} onClick={() => exportAs("csv")}>
          {t("firm.exportCsv")}
        </button>
        <button type="button" disabled={form.pending} onClick={() => exportAs("json")}>
          {t("firm.exportJson")}
        </button>
        <button
          type="button"
          disabled={form.pending}
          onClick={() =>
            void form.submit(async () => {
              const r = await call("import_sites", { profileId });
              if (r !== null) {
                setImported(r);
                shell.dataChanged();
              }
            })
          }
        >
          {t("firm.importSites")}
        </button>
      </div>
      <p class="muted small">{t("firm.importHint")}</p>
      <div role="status" aria-live="polite">
        {saved ? (
          <p>
            {t("firm.saved")} <code dir="ltr">{saved}</code>
          </p>
        ) : null}
        {imported ? (
          <div data-testid="import-report">
            <p>{t("firm.imported", { rows: imported.imported, sites: imported.sitesAdded, ips: imported.ipsAdded })}</p>
            {imported.refused.length > 0 ? (
              <>
                <p class="notice">{t("firm.refused", { count: imported.refused.length })}</p>
                <ul>
                  {imported.refused.map((r) => (
                    <li key={r.line}>{t("firm.refusedRow", { line: r.line, reason: r.reason })}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
