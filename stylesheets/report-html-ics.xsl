<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-html-ics.xsl: section 3 of the HTML report, the implementation
  conformance statement (Annex B; EN 303 645 requirement layer).

  One row per provision outcome of the results (r:outcomes/r:provision)
  and then per ICS entry outside them (d:ics/d:entry), both in mode
  ics-row through the named template ics-row: the catalog's title
  (c:provision), the status code, whether it applies and why, the ICS
  support and detail, and the claim findings (r:finding with @claim, mode
  ics-contra) that contradict it.  Then the counts, the void provisions of
  the edition and the catalog's conditions and features
  (c:condition, c:feature, mode ics-catalog-row).

  Part of report-html.xsl, which includes it: it reads the driver's
  variables ($D the dossier, $R the results, $S their summary, $REQ the
  EN 303 645 catalog, ...), the helpers of report-html-base.xsl (sec-head,
  edition-en, edition-ts, ...) and the keys, labels and badges of
  common.xsl.  Its entry is the named template sec-ics; to change the
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

  <xsl:template name="sec-ics">
    <section class="sec" id="s-ics">
      <xsl:call-template name="sec-head">
        <xsl:with-param name="n">3</xsl:with-param>
        <xsl:with-param name="title">Implementation conformance statement (Annex B)</xsl:with-param>
        <xsl:with-param name="layer">requirement</xsl:with-param>
      </xsl:call-template>
      <p class="lede">
        <xsl:text>The manufacturer's support position for every clause 5.3 provision of </xsl:text>
        <xsl:call-template name="edition-en"/>
        <xsl:text>, with the measure or the reason. Status codes are those of Annex B (M mandatory, R recommended; C conditions and F features, listed below the table). Applicability is evaluated from the dossier's own facts (components, mechanisms, constrained position), not from the ICS.</xsl:text>
      </p>
      <table class="t fixed">
        <thead>
          <tr>
            <th class="w9">Reference</th>
            <th class="w16">Provision</th>
            <th class="w9">Status</th>
            <th class="w14">Applies?</th>
            <th class="w11">Support</th>
            <th>Detail</th>
          </tr>
        </thead>
        <tbody>
          <xsl:apply-templates select="$R/r:outcomes/r:provision" mode="ics-row"/>
          <!-- ICS entries for provisions outside the results (5.0-1, for
               instance) -->
          <xsl:apply-templates select="$D/d:ics/d:entry[not(key('outcome', @provision))]" mode="ics-row"/>
        </tbody>
      </table>
      <p class="small muted">
        <xsl:value-of select="count($D/d:ics/d:entry)"/>
        <xsl:text> ICS entries: </xsl:text>
        <xsl:value-of select="count($D/d:ics/d:entry[@support = 'Y'])"/>
        <xsl:text> Y, </xsl:text>
        <xsl:value-of select="count($D/d:ics/d:entry[@support = 'N'])"/>
        <xsl:text> N, </xsl:text>
        <xsl:value-of select="count($D/d:ics/d:entry[@support = 'N/A'])"/>
        <xsl:text> N/A, </xsl:text>
        <xsl:value-of select="count($D/d:ics/d:entry[not(@support)])"/>
        <xsl:text> without a support value.</xsl:text>
        <xsl:if test="$REQ/c:provisions/c:provision[@void = 'true']">
          <xsl:text> Void in V</xsl:text>
          <xsl:value-of select="$EN"/>
          <xsl:text>: </xsl:text>
          <xsl:for-each select="$REQ/c:provisions/c:provision[@void = 'true']">
            <xsl:if test="position() &gt; 1">; </xsl:if>
            <xsl:value-of select="@id"/>
            <xsl:if test="c:replaced-by">
              <xsl:text> (replaced by </xsl:text>
              <xsl:for-each select="c:replaced-by">
                <xsl:if test="position() &gt; 1">, </xsl:if>
                <xsl:value-of select="@ref"/>
              </xsl:for-each>
              <xsl:text>)</xsl:text>
            </xsl:if>
          </xsl:for-each>
          <xsl:text>.</xsl:text>
        </xsl:if>
      </p>
      <div class="two">
        <div>
          <h3>Conditions (C)</h3>
          <table class="t small">
            <tbody>
              <xsl:apply-templates select="$REQ/c:conditions/c:condition" mode="ics-catalog-row"/>
            </tbody>
          </table>
        </div>
        <div>
          <h3>Features (F)</h3>
          <xsl:choose>
            <xsl:when test="$REQ/c:features/c:feature">
              <table class="t small">
                <tbody>
                  <xsl:apply-templates select="$REQ/c:features/c:feature" mode="ics-catalog-row"/>
                </tbody>
              </table>
            </xsl:when>
            <xsl:otherwise>
              <p class="empty">
                <xsl:call-template name="edition-en"/>
                <xsl:text> has no lettered features.</xsl:text>
              </p>
            </xsl:otherwise>
          </xsl:choose>
        </div>
      </div>
    </section>
  </xsl:template>

  <!-- A provision in the results: its ICS row. -->
  <xsl:template match="r:provision" mode="ics-row">
    <xsl:call-template name="ics-row">
      <xsl:with-param name="id" select="@id"/>
      <xsl:with-param name="status" select="@status"/>
      <xsl:with-param name="outcome" select="."/>
    </xsl:call-template>
  </xsl:template>

  <!-- One ICS row: provision $id, its status code and its outcome in the
       results ($outcome, empty for an entry outside them). -->
  <xsl:template name="ics-row">
    <xsl:param name="id"/>
    <xsl:param name="status"/>
    <xsl:param name="outcome"/>
    <xsl:variable name="entry" select="key('ics-entry', $id)"/>
    <xsl:variable name="p" select="key('provision', $id)"/>
    <xsl:variable name="contra" select="key('claim-findings', $id)"/>
    <tr id="ics-{$id}">
      <xsl:if test="$contra[@waived != 'true']">
        <xsl:attribute name="class">contradicted</xsl:attribute>
      </xsl:if>
      <td class="id">
        <xsl:value-of select="$id"/>
      </td>
      <td>
        <xsl:value-of select="$p/c:title"/>
      </td>
      <td class="id mono">
        <xsl:value-of select="$status"/>
      </td>
      <td class="small">
        <xsl:choose>
          <xsl:when test="$outcome/@applicable = 'yes'">applies</xsl:when>
          <xsl:when test="$outcome/@applicable = 'no'">does not apply</xsl:when>
          <xsl:when test="$outcome/@applicable = 'unknown'">
            <span class="missing">unknown</span>
          </xsl:when>
        </xsl:choose>
        <xsl:if test="$outcome/r:reason">
          <span class="purpose">
            <xsl:value-of select="$outcome/r:reason"/>
          </span>
        </xsl:if>
      </td>
      <td class="id">
        <xsl:call-template name="support-badge">
          <xsl:with-param name="support" select="$entry/@support"/>
        </xsl:call-template>
        <xsl:if test="$contra">
          <div class="contra-mark">
            <a href="#ics-{$id}-contra">
              <xsl:attribute name="class">
                <xsl:choose>
                  <xsl:when test="$contra[@waived != 'true']">b b-contra</xsl:when>
                  <xsl:otherwise>b b-neutral</xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
              <xsl:text>&#x2717;&#xA0;contradicted</xsl:text>
            </a>
            <xsl:if test="not($contra[@waived != 'true'])">
              <span class="sub-id">waived</span>
            </xsl:if>
          </div>
        </xsl:if>
      </td>
      <td>
        <xsl:apply-templates select="$contra" mode="ics-contra">
          <xsl:with-param name="id" select="$id"/>
        </xsl:apply-templates>
        <xsl:choose>
          <xsl:when test="normalize-space($entry/d:detail) != ''">
            <xsl:value-of select="normalize-space($entry/d:detail)"/>
          </xsl:when>
          <xsl:when test="$entry">
            <span class="missing">no detail given</span>
          </xsl:when>
          <xsl:otherwise>
            <span class="missing">no ICS entry</span>
          </xsl:otherwise>
        </xsl:choose>
      </td>
    </tr>
  </xsl:template>

  <!-- One callout per claim finding of the provision, beside its ICS detail. -->
  <xsl:template match="r:finding" mode="ics-contra">
    <xsl:param name="id"/>
    <div>
      <xsl:if test="position() = 1">
        <xsl:attribute name="id">
          <xsl:text>ics-</xsl:text>
          <xsl:value-of select="$id"/>
          <xsl:text>-contra</xsl:text>
        </xsl:attribute>
      </xsl:if>
      <xsl:attribute name="class">
        <xsl:text>callout contra</xsl:text>
        <xsl:if test="@waived != 'true'"> fail</xsl:if>
      </xsl:attribute>
      <strong>
        <xsl:text>Contradicted by a recorded fact</xsl:text>
        <xsl:if test="@waived = 'true'"> (waived)</xsl:if>
        <xsl:if test="@fact">: </xsl:if>
      </strong>
      <span class="fact">
        <xsl:value-of select="@fact"/>
      </span>
      <xsl:if test="@fact-line">
        <xsl:text> (line </xsl:text>
        <xsl:value-of select="@fact-line"/>
        <xsl:text>)</xsl:text>
      </xsl:if>
      <div class="small">
        <xsl:text>Claim: </xsl:text>
        <xsl:value-of select="@claim"/>
        <xsl:text> &#xB7; </xsl:text>
        <a>
          <xsl:attribute name="href">
            <xsl:text>#</xsl:text>
            <xsl:call-template name="claim-anchor"/>
          </xsl:attribute>
          <xsl:text>finding </xsl:text>
          <span class="mono">
            <xsl:value-of select="@rule"/>
          </span>
        </a>
      </div>
    </div>
  </xsl:template>

  <!-- An ICS entry for a provision outside the results (5.0-1, for instance). -->
  <xsl:template match="d:entry" mode="ics-row">
    <xsl:call-template name="ics-row">
      <xsl:with-param name="id" select="@provision"/>
      <xsl:with-param name="status" select="key('provision', @provision)/@status"/>
      <xsl:with-param name="outcome" select="/.."/>
    </xsl:call-template>
  </xsl:template>

  <!-- One row per condition (C) or feature (F) of the catalog. -->
  <xsl:template match="c:condition | c:feature" mode="ics-catalog-row">
    <tr>
      <td class="id">
        <xsl:value-of select="@id"/>
      </td>
      <td>
        <xsl:value-of select="."/>
      </td>
    </tr>
  </xsl:template>

</xsl:stylesheet>
