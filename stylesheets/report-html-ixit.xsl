<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-html-ixit.xsl: section 6 of the HTML report, the IXIT (TS 103 701
  assessment layer).

  One table per IXIT table of the dossier (d:ixit), headed by its name and
  summary in the catalog (c:ixit-tables/c:table, named template
  ixit-head): 2-UserInfo fields (d:user-info/d:*, mode ixit-userinfo-row),
  4-Conf confirmations (d:conf/d:confirmation, mode ixit-conf-row),
  6-SoftComp rows (d:soft-comp, mode ixit-softcomp-row), 7-UpdMech rows
  (d:upd-mech, one card each in mode ixit-updmech-card, its fields in the
  catalog's order in mode ixit-updmech-field), 8-UpdProc rows (d:upd-proc,
  mode ixit-updproc-row) and 9-ReplSup rows (d:repl-sup, mode
  ixit-replsup-row).

  Part of report-html.xsl, which includes it: it reads the driver's
  variables ($D the dossier, $R the results, $S their summary, $REQ the
  EN 303 645 catalog, ...), the helpers of report-html-base.xsl (sec-head,
  edition-en, edition-ts, ...) and the keys, labels and badges of
  common.xsl.  Its entry is the named template sec-ixit; to change the
  section, redefine that template or one of its template rules in a
  stylesheet that imports report-html.xsl (docs/reports.md).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:rp="urn:libetsi:report:1"
    xmlns:d="urn:libetsi:dossier:1"
    xmlns:r="urn:libetsi:results:1"
    xmlns:c="urn:libetsi:catalog:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="rp d r c exsl str">

  <xsl:template name="sec-ixit">
    <xsl:variable name="ix" select="$D/d:ixit"/>
    <section class="sec" id="s-ixit">
      <xsl:call-template name="sec-head">
        <xsl:with-param name="n">6</xsl:with-param>
        <xsl:with-param name="title">Implementation eXtra Information for Testing (IXIT)</xsl:with-param>
        <xsl:with-param name="layer">assessment</xsl:with-param>
      </xsl:call-template>
      <p class="lede">
        <xsl:text>What the supplier organization tells the test laboratory about the product, in the </xsl:text>
        <xsl:call-template name="edition-ts"/>
        <xsl:text> tables the clause 5.3 test cases read. IXIT rows are inputs to test cases, never requirements; field names are those of the catalog.</xsl:text>
      </p>

      <!-- 2-UserInfo -->
      <xsl:call-template name="ixit-head">
        <xsl:with-param name="table">2-UserInfo</xsl:with-param>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="$ix/d:user-info/*">
          <table class="kv">
            <tbody>
              <xsl:apply-templates select="$ix/d:user-info/d:*" mode="ixit-userinfo-row"/>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">No 2-UserInfo fields are given.</p>
        </xsl:otherwise>
      </xsl:choose>

      <!-- 4-Conf -->
      <xsl:call-template name="ixit-head">
        <xsl:with-param name="table">4-Conf</xsl:with-param>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="$ix/d:conf/d:confirmation">
          <table class="t fixed">
            <thead>
              <tr>
                <th class="w22">Confirmation</th>
                <th class="w10">Confirmed</th>
                <th class="w18">By, on</th>
                <th>Statement</th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="$ix/d:conf/d:confirmation" mode="ixit-conf-row"/>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">No 4-Conf confirmations are given.</p>
        </xsl:otherwise>
      </xsl:choose>

      <!-- 6-SoftComp -->
      <xsl:call-template name="ixit-head">
        <xsl:with-param name="table">6-SoftComp</xsl:with-param>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="$ix/d:soft-comp">
          <table class="t fixed">
            <thead>
              <tr>
                <th class="w10">Row</th>
                <th class="w16">Component</th>
                <th>
                  <xsl:call-template name="field-name">
                    <xsl:with-param name="table">6-SoftComp</xsl:with-param>
                    <xsl:with-param name="field">description</xsl:with-param>
                  </xsl:call-template>
                </th>
                <th>
                  <xsl:call-template name="field-name">
                    <xsl:with-param name="table">6-SoftComp</xsl:with-param>
                    <xsl:with-param name="field">update-mechanism</xsl:with-param>
                  </xsl:call-template>
                </th>
                <th>
                  <xsl:call-template name="field-name">
                    <xsl:with-param name="table">6-SoftComp</xsl:with-param>
                    <xsl:with-param name="field">cryptographic-usage</xsl:with-param>
                  </xsl:call-template>
                </th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="$ix/d:soft-comp" mode="ixit-softcomp-row"/>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">No 6-SoftComp rows.</p>
        </xsl:otherwise>
      </xsl:choose>

      <!-- 7-UpdMech -->
      <xsl:call-template name="ixit-head">
        <xsl:with-param name="table">7-UpdMech</xsl:with-param>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="$ix/d:upd-mech">
          <xsl:variable name="fields" select="key('ixit-table', '7-UpdMech')/c:field"/>
          <xsl:apply-templates select="$ix/d:upd-mech" mode="ixit-updmech-card">
            <xsl:with-param name="fields" select="$fields"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">No 7-UpdMech rows.</p>
        </xsl:otherwise>
      </xsl:choose>

      <!-- 8-UpdProc -->
      <xsl:call-template name="ixit-head">
        <xsl:with-param name="table">8-UpdProc</xsl:with-param>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="$ix/d:upd-proc">
          <table class="t fixed">
            <thead>
              <tr>
                <th class="w12">Row</th>
                <th>
                  <xsl:call-template name="field-name">
                    <xsl:with-param name="table">8-UpdProc</xsl:with-param>
                    <xsl:with-param name="field">description</xsl:with-param>
                  </xsl:call-template>
                </th>
                <th>
                  <xsl:call-template name="field-name">
                    <xsl:with-param name="table">8-UpdProc</xsl:with-param>
                    <xsl:with-param name="field">time-frame</xsl:with-param>
                  </xsl:call-template>
                </th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="$ix/d:upd-proc" mode="ixit-updproc-row"/>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">No 8-UpdProc rows.</p>
        </xsl:otherwise>
      </xsl:choose>

      <!-- 9-ReplSup -->
      <xsl:call-template name="ixit-head">
        <xsl:with-param name="table">9-ReplSup</xsl:with-param>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="$ix/d:repl-sup">
          <table class="t fixed">
            <thead>
              <tr>
                <th class="w12">Row</th>
                <th>
                  <xsl:call-template name="field-name">
                    <xsl:with-param name="table">9-ReplSup</xsl:with-param>
                    <xsl:with-param name="field">isolation</xsl:with-param>
                  </xsl:call-template>
                </th>
                <th>
                  <xsl:call-template name="field-name">
                    <xsl:with-param name="table">9-ReplSup</xsl:with-param>
                    <xsl:with-param name="field">hardware-replacement</xsl:with-param>
                  </xsl:call-template>
                </th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="$ix/d:repl-sup" mode="ixit-replsup-row"/>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">No 9-ReplSup rows (needed only where software cannot be updated).</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="ixit-head">
    <xsl:param name="table"/>
    <xsl:variable name="t" select="key('ixit-table', $table)"/>
    <h3 id="ixit-{$table}">
      <xsl:value-of select="$table"/>
      <xsl:if test="$t/@name">
        <xsl:text> &#x2014; </xsl:text>
        <xsl:value-of select="$t/@name"/>
      </xsl:if>
    </h3>
    <xsl:if test="$t/c:summary">
      <p class="small muted">
        <xsl:value-of select="$t/c:summary"/>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- One row per 2-UserInfo field. -->
  <xsl:template match="d:*" mode="ixit-userinfo-row">
    <tr>
      <th scope="row">
        <xsl:call-template name="field-name">
          <xsl:with-param name="table">2-UserInfo</xsl:with-param>
          <xsl:with-param name="field" select="local-name()"/>
        </xsl:call-template>
      </th>
      <td>
        <xsl:choose>
          <xsl:when test="normalize-space(.) != ''">
            <xsl:value-of select="normalize-space(.)"/>
          </xsl:when>
          <xsl:otherwise>
            <span class="missing">known to be missing</span>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@end">
          <div class="small">
            <xsl:text>Ends </xsl:text>
            <strong>
              <xsl:value-of select="@end"/>
            </strong>
          </div>
        </xsl:if>
        <xsl:if test="@url">
          <div class="small">
            <xsl:call-template name="link">
              <xsl:with-param name="url" select="@url"/>
            </xsl:call-template>
          </div>
        </xsl:if>
      </td>
    </tr>
  </xsl:template>

  <!-- One row per 4-Conf confirmation. -->
  <xsl:template match="d:confirmation" mode="ixit-conf-row">
    <tr>
      <td>
        <xsl:call-template name="field-name">
          <xsl:with-param name="table">4-Conf</xsl:with-param>
          <xsl:with-param name="field" select="@name"/>
        </xsl:call-template>
        <span class="sub-id mono">
          <xsl:value-of select="@name"/>
        </span>
      </td>
      <td>
        <xsl:choose>
          <xsl:when test="@confirmed = 'true'">
            <span class="b b-yes">&#x2713; yes</span>
          </xsl:when>
          <xsl:otherwise>
            <span class="b b-no">&#x2717; no</span>
          </xsl:otherwise>
        </xsl:choose>
      </td>
      <td class="small">
        <xsl:call-template name="owner-name">
          <xsl:with-param name="id" select="@by"/>
        </xsl:call-template>
        <xsl:if test="@date">
          <span class="sub-id">
            <xsl:value-of select="@date"/>
          </span>
        </xsl:if>
      </td>
      <td class="small">
        <xsl:value-of select="normalize-space(.)"/>
      </td>
    </tr>
  </xsl:template>

  <xsl:template name="owner-name">
    <xsl:param name="id"/>
    <xsl:variable name="o" select="key('owner', $id)"/>
    <xsl:choose>
      <xsl:when test="$o">
        <xsl:value-of select="$o/d:name"/>
        <span class="sub-id">
          <xsl:value-of select="$o/@role"/>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <span class="mono">
          <xsl:value-of select="$id"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One row per 6-SoftComp row. -->
  <xsl:template match="d:soft-comp" mode="ixit-softcomp-row">
    <xsl:variable name="comp" select="key('component', @component)"/>
    <tr>
      <td class="id mono">
        <xsl:value-of select="@id"/>
      </td>
      <td>
        <a href="#c-{@component}">
          <xsl:value-of select="$comp/d:name"/>
        </a>
      </td>
      <td class="small">
        <xsl:call-template name="text-or-missing">
          <xsl:with-param name="v" select="d:description"/>
        </xsl:call-template>
      </td>
      <td class="small">
        <xsl:for-each select="$comp/d:covered-by">
          <xsl:variable name="um" select="key('upd-mech-by-mechanism', @mechanism)"/>
          <div>
            <span class="mono">
              <xsl:choose>
                <xsl:when test="$um">
                  <xsl:value-of select="$um[1]/@id"/>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:value-of select="@mechanism"/>
                </xsl:otherwise>
              </xsl:choose>
            </span>
            <xsl:text> </xsl:text>
            <xsl:value-of select="key('mechanism', @mechanism)/d:name"/>
          </div>
        </xsl:for-each>
        <xsl:if test="d:update-mechanism-justification">
          <div>
            <xsl:value-of select="d:update-mechanism-justification"/>
          </div>
        </xsl:if>
        <xsl:if test="not($comp/d:covered-by) and not(d:update-mechanism-justification)">
          <xsl:choose>
            <xsl:when test="$comp/d:no-update">
              <xsl:value-of select="normalize-space($comp/d:no-update)"/>
            </xsl:when>
            <xsl:otherwise>
              <span class="missing">no mechanism and no justification</span>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:if>
      </td>
      <td class="small">
        <xsl:call-template name="text-or-missing">
          <xsl:with-param name="v" select="d:cryptographic-usage"/>
        </xsl:call-template>
      </td>
    </tr>
  </xsl:template>

  <xsl:template name="text-or-missing">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="normalize-space($v) != ''">
        <xsl:value-of select="normalize-space($v)"/>
      </xsl:when>
      <xsl:when test="$v">
        <span class="missing">known to be missing</span>
      </xsl:when>
      <xsl:otherwise>
        <span class="missing">not given</span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One card per 7-UpdMech row, its fields in the order of the catalog. -->
  <xsl:template match="d:upd-mech" mode="ixit-updmech-card">
    <xsl:param name="fields"/>
    <xsl:variable name="row" select="."/>
    <div class="card">
      <div class="card-h">
        <span class="title mono">
          <xsl:value-of select="@id"/>
        </span>
        <span>
          <xsl:text>describes </xsl:text>
          <a href="#m-{@mechanism}">
            <xsl:value-of select="key('mechanism', @mechanism)/d:name"/>
          </a>
        </span>
        <span class="muted mono small">
          <xsl:value-of select="@mechanism"/>
        </span>
      </div>
      <table class="kv">
        <tbody>
          <xsl:choose>
            <xsl:when test="$fields">
              <xsl:apply-templates select="$fields" mode="ixit-updmech-field">
                <xsl:with-param name="row" select="$row"/>
              </xsl:apply-templates>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates select="d:*" mode="ixit-updmech-raw"/>
            </xsl:otherwise>
          </xsl:choose>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- One catalog field of a 7-UpdMech row ($row). -->
  <xsl:template match="c:field" mode="ixit-updmech-field">
    <xsl:param name="row"/>
    <xsl:variable name="v" select="$row/d:*[local-name() = current()/@id]"/>
    <tr>
      <th scope="row">
        <xsl:value-of select="@name"/>
      </th>
      <td class="small">
        <xsl:call-template name="text-or-missing">
          <xsl:with-param name="v" select="$v"/>
        </xsl:call-template>
      </td>
    </tr>
  </xsl:template>

  <!-- A 7-UpdMech field as the dossier has it, when the catalog lists none. -->
  <xsl:template match="d:*" mode="ixit-updmech-raw">
    <tr>
      <th scope="row">
        <xsl:value-of select="local-name()"/>
      </th>
      <td class="small">
        <xsl:value-of select="."/>
      </td>
    </tr>
  </xsl:template>

  <!-- One row per 8-UpdProc row. -->
  <xsl:template match="d:upd-proc" mode="ixit-updproc-row">
    <tr>
      <td class="id mono">
        <xsl:value-of select="@id"/>
      </td>
      <td class="small">
        <xsl:call-template name="text-or-missing">
          <xsl:with-param name="v" select="d:description"/>
        </xsl:call-template>
      </td>
      <td class="small">
        <xsl:call-template name="text-or-missing">
          <xsl:with-param name="v" select="d:time-frame"/>
        </xsl:call-template>
      </td>
    </tr>
  </xsl:template>

  <!-- One row per 9-ReplSup row. -->
  <xsl:template match="d:repl-sup" mode="ixit-replsup-row">
    <tr>
      <td class="id mono">
        <xsl:value-of select="@id"/>
      </td>
      <td class="small">
        <xsl:call-template name="text-or-missing">
          <xsl:with-param name="v" select="d:isolation"/>
        </xsl:call-template>
      </td>
      <td class="small">
        <xsl:call-template name="text-or-missing">
          <xsl:with-param name="v" select="d:hardware-replacement"/>
        </xsl:call-template>
      </td>
    </tr>
  </xsl:template>

</xsl:stylesheet>
