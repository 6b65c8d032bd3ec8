// The statistics table grid: a Stimulus controller on the block's JSON textarea.
// Editors type into cells, paste a range copied from a spreadsheet (TSV, or CSV text),
// or import an .xlsx/.csv file; the server reads Korean numbers and answers with the
// table as the API will serve it, which the citizens' own frontend code then draws.

const MIN_ROWS = 3;
const MIN_COLUMNS = 3;
const PREVIEW_DELAY_MS = 300;
const SIBLING_FIELDS = ["title", "unit", "source", "notes", "chart_type", "chart_direction", "chart_series"];

/** Rows of cells from clipboard text: tab-separated (spreadsheets) or CSV with quotes. */
export function parseClipboard(text) {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\n$/, "");
  const delimiter = lines.includes("\t") ? "\t" : ",";
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < lines.length; i += 1) {
    const char = lines[i];
    if (quoted) {
      if (char === '"' && lines[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"' && cell === "") {
      quoted = true;
    } else if (char === delimiter) {
      row.push(cell);
      cell = "";
    } else if (char === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else {
      cell += char;
    }
  }
  row.push(cell);
  rows.push(row);
  return rows.map((cells) => cells.map((value) => value.trim()));
}

function cellText(value) {
  return value === null || value === undefined ? "" : String(value);
}

function csrfToken() {
  return window.wagtailConfig?.CSRF_TOKEN ?? document.querySelector("[name=csrfmiddlewaretoken]")?.value ?? "";
}

class TableGridController extends window.StimulusModule.Controller {
  static values = { importUrl: String, previewUrl: String, frontend: String };

  connect() {
    this.element.hidden = true;
    this.prefix = this.element.name.replace(/-table$/, "");
    this.cells = this.readValue();
    this.root = document.createElement("div");
    this.root.className = "table-grid";
    this.root.innerHTML = `
      <div class="table-grid__toolbar">
        <button type="button" class="button button-small button-secondary" data-action="add-row">행 추가</button>
        <button type="button" class="button button-small button-secondary" data-action="add-column">열 추가</button>
        <button type="button" class="button button-small button-secondary" data-action="remove-row">마지막 행 삭제</button>
        <button type="button" class="button button-small button-secondary" data-action="remove-column">마지막 열 삭제</button>
        <label class="button button-small button-secondary table-grid__file">파일 가져오기 (.xlsx, .csv)
          <input type="file" accept=".xlsx,.csv" data-role="file"></label>
      </div>
      <p class="table-grid__hint">엑셀에서 복사한 표를 첫 칸에 붙여 넣으면 표 전체가 바뀌고, 다른 칸에 붙여 넣으면 그 칸부터 채워집니다. 첫 행은 열 제목, 첫 열은 항목입니다.</p>
      <div class="table-grid__scroll"><table class="table-grid__table" data-role="grid"></table></div>
      <p class="table-grid__status" role="status" aria-live="polite" data-role="status"></p>
      <section class="table-grid__preview" aria-label="미리보기">
        <h3 class="table-grid__preview-title">미리보기 (시민에게 보이는 모습)</h3>
        <div data-role="preview"></div>
      </section>`;
    this.element.after(this.root);
    this.grid = this.root.querySelector("[data-role=grid]");
    this.status = this.root.querySelector("[data-role=status]");
    this.preview = this.root.querySelector("[data-role=preview]");
    this.root.addEventListener("click", (event) => this.onToolbar(event));
    this.grid.addEventListener("input", () => this.onEdit());
    this.grid.addEventListener("paste", (event) => this.onPaste(event));
    this.root.querySelector("[data-role=file]").addEventListener("change", (event) => this.onFile(event));
    this.onSiblingChange = (event) => {
      if (SIBLING_FIELDS.some((name) => event.target.name === `${this.prefix}-${name}`)) this.schedulePreview();
    };
    this.form = this.element.closest("form") ?? document;
    this.form.addEventListener("input", this.onSiblingChange);
    this.form.addEventListener("change", this.onSiblingChange);
    this.render();
    this.schedulePreview();
  }

  disconnect() {
    this.form?.removeEventListener("input", this.onSiblingChange);
    this.form?.removeEventListener("change", this.onSiblingChange);
    this.root?.remove();
  }

  readValue() {
    let value = {};
    try {
      value = JSON.parse(this.element.value || "{}") || {};
    } catch {
      value = {};
    }
    const cells = [value.headers || [], ...(value.rows || [])].map((row) => row.map(cellText));
    return this.padded(cells);
  }

  padded(cells) {
    const width = Math.max(MIN_COLUMNS, ...cells.map((row) => row.length));
    const rows = cells.map((row) => [...row, ...Array(width - row.length).fill("")]);
    while (rows.length < MIN_ROWS) rows.push(Array(width).fill(""));
    return rows;
  }

  render() {
    const width = this.cells[0].length;
    const head = `<tr><th aria-hidden="true"></th>${Array.from({ length: width }, (_, c) => `<th scope="col">${c + 1}열</th>`).join("")}</tr>`;
    const body = this.cells
      .map((row, r) => {
        const label = r === 0 ? "제목" : `${r}행`;
        const inputs = row
          .map((value, c) => {
            const name = r === 0 ? `${c + 1}열 제목` : `${r}행 ${c + 1}열`;
            return `<td><input type="text" class="table-grid__cell${r === 0 ? " table-grid__cell--header" : ""}" data-row="${r}" data-column="${c}" aria-label="${name}"></td>`;
          })
          .join("");
        return `<tr><th scope="row">${label}</th>${inputs}</tr>`;
      })
      .join("");
    this.grid.innerHTML = `<thead>${head}</thead><tbody>${body}</tbody>`;
    for (const input of this.grid.querySelectorAll("input")) {
      input.value = this.cells[Number(input.dataset.row)][Number(input.dataset.column)];
    }
  }

  onEdit() {
    for (const input of this.grid.querySelectorAll("input")) {
      this.cells[Number(input.dataset.row)][Number(input.dataset.column)] = input.value;
    }
    this.sync();
  }

  onPaste(event) {
    const target = event.target.closest("input[data-row]");
    const text = event.clipboardData?.getData("text/plain") ?? "";
    if (!target || !/[\t\n]/.test(text)) return; // a single value: the browser pastes it
    event.preventDefault();
    const pasted = parseClipboard(text);
    const top = Number(target.dataset.row);
    const left = Number(target.dataset.column);
    // Pasting into the first cell replaces the table; elsewhere the range fills from there.
    const cells = top === 0 && left === 0 ? [] : this.cells.map((row) => [...row]);
    pasted.forEach((row, r) => {
      row.forEach((value, c) => {
        while (cells.length <= top + r) cells.push([]);
        const line = cells[top + r];
        while (line.length < left + c) line.push("");
        line[left + c] = value;
      });
    });
    this.cells = this.padded(cells);
    this.render();
    this.sync();
    this.say(`${pasted.length}행 ${Math.max(...pasted.map((row) => row.length))}열을 붙여 넣었습니다.`);
  }

  async onFile(event) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    const body = new FormData();
    body.append("file", file);
    this.say(`'${file.name}' 파일을 읽는 중입니다…`);
    try {
      const response = await fetch(this.importUrlValue, {
        method: "POST",
        body,
        headers: { "X-CSRFToken": csrfToken() },
        credentials: "same-origin",
      });
      const data = await response.json();
      if (!response.ok) {
        this.say(data.error?.message ?? "파일을 가져오지 못했습니다.", true);
        return;
      }
      this.cells = this.padded([data.headers, ...data.rows].map((row) => row.map(cellText)));
      this.render();
      this.sync();
      this.say(`'${file.name}'에서 ${data.rows.length}행을 가져왔습니다.`);
    } catch {
      this.say("파일을 가져오지 못했습니다. 잠시 후 다시 시도해 주세요.", true);
    }
  }

  onToolbar(event) {
    const action = event.target.closest("button[data-action]")?.dataset.action;
    if (!action) return;
    if (action === "add-row") this.cells.push(Array(this.cells[0].length).fill(""));
    if (action === "add-column") this.cells.forEach((row) => row.push(""));
    if (action === "remove-row" && this.cells.length > 2) this.cells.pop();
    if (action === "remove-column" && this.cells[0].length > 2) this.cells.forEach((row) => row.pop());
    this.render();
    this.sync();
  }

  /** The grid as stored: trailing empty rows and columns dropped. */
  gridValue() {
    const filled = (value) => String(value).trim() !== "";
    const rows = this.cells.filter((row) => row.some(filled));
    const width = Math.max(0, ...rows.map((row) => row.findLastIndex(filled) + 1));
    const [headers = [], ...data] = rows.map((row) => row.slice(0, width));
    return { headers, rows: data };
  }

  sync() {
    this.element.value = JSON.stringify(this.gridValue());
    this.element.dispatchEvent(new Event("change", { bubbles: true }));
    this.schedulePreview();
  }

  say(message, isError = false) {
    this.status.textContent = message;
    this.status.classList.toggle("table-grid__status--error", isError);
  }

  schedulePreview() {
    clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => this.updatePreview(), PREVIEW_DELAY_MS);
  }

  siblingValues() {
    const values = {};
    for (const name of SIBLING_FIELDS) {
      const field = this.form.querySelector(`[name="${this.prefix}-${name}"]`);
      values[name] = field ? field.value : "";
    }
    return values;
  }

  async updatePreview() {
    const grid = this.gridValue();
    if (!grid.headers.length) {
      this.preview.replaceChildren();
      return;
    }
    try {
      const response = await fetch(this.previewUrlValue, {
        method: "POST",
        body: JSON.stringify({ ...this.siblingValues(), ...grid }),
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
        credentials: "same-origin",
      });
      const data = await response.json();
      if (!response.ok) {
        this.say(data.error?.message ?? "미리보기를 만들 수 없습니다.", true);
        return;
      }
      if (this.status.classList.contains("table-grid__status--error")) this.say("");
      // What the chart leaves out (a pie draws one series): said, not silently dropped.
      if (data.warnings?.length) this.say(data.warnings.join(" "), true);
      const { renderStream } = await import(`${this.frontendValue}blocks.js`);
      this.preview.replaceChildren(renderStream([{ type: "statistics_table", value: data }]));
    } catch {
      this.say("미리보기를 만들 수 없습니다.", true);
    }
  }
}

window.wagtail.app.register("table-grid", TableGridController);
