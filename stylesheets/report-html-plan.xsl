<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-html-plan.xsl: section 8 of the HTML report, the test plan and
  readiness (TS 103 701 assessment layer).

  One row per planned test case of the results (r:plan/r:case, mode
  plan-case-row): the catalog's purpose (c:case), the provision, the
  disposition, readiness and risk, the IXIT inputs it reads (r:input, mode
  plan-input; r:unknown, mode plan-unknown) and its recorded verdict
  (d:verdicts/d:verdict).

  Part of report-html.xsl, which includes it: it reads the driver's
  variables ($D the dossier, $R the results, $S their summary, $REQ the
  EN 303 645 catalog, ...), the helpers of report-html-base.xsl (sec-head,
  edition-en, edition-ts, ...) and the keys, labels and badges of
  common.xsl.  Its entry is the named template sec-plan; to change the
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

  <xsl:template name="sec-plan">
    <xsl:variable name="cases" select="$R/r:plan/r:case"/>
    <section class="sec" id="s-plan">
      <xsl:call-template name="sec-head">
        <xsl:with-param name="n">8</xsl:with-param>
        <xsl:with-param name="title">Test plan and readiness</xsl:with-param>
        <xsl:with-param name="layer">assessment</xsl:with-param>
      </xsl:call-template>
      <p class="lede">
        <xsl:text>The </xsl:text>
        <xsl:call-template name="edition-ts"/>
        <xsl:text> test cases the ICS selects, with the IXIT inputs each reads. A case that is not ready lacks inputs and risks an INCONCLUSIVE verdict. </xsl:text>
        <strong>
          <xsl:call-template name="plural">
            <xsl:with-param name="n" select="count($cases)"/>
            <xsl:with-param name="one">test case</xsl:with-param>
          </xsl:call-template>
        </strong>
        <xsl:text>: </xsl:text>
        <xsl:value-of select="count($cases[@disposition = 'test'])"/>
        <xsl:text> to test, </xsl:text>
        <xsl:value-of select="count($cases[@disposition = 'justification'])"/>
        <xsl:text> justification check, </xsl:text>
        <xsl:value-of select="count($cases[@disposition = 'expected-fail'])"/>
        <xsl:text> expected to fail; </xsl:text>
        <xsl:value-of select="count($cases[@ready = 'true'])"/>
        <xsl:text> ready, </xsl:text>
        <xsl:value-of select="count($cases[@ready != 'true'])"/>
        <xsl:text> missing inputs</xsl:text>
        <xsl:if test="$cases[@at-risk = 'true']">
          <xsl:text>; </xsl:text>
          <xsl:value-of select="count($cases[@at-risk = 'true'])"/>
          <xsl:text> at risk of INCONCLUSIVE because a fact they read is unknown or not stated (see the open questions in section 5)</xsl:text>
        </xsl:if>
        <xsl:text>.</xsl:text>
      </p>
      <xsl:choose>
        <xsl:when test="$cases">
          <table class="t fixed">
            <thead>
              <tr>
                <th class="w30">Test case</th>
                <th class="w9">Provision</th>
                <th class="w11">Disposition</th>
                <th class="w11">Ready</th>
                <th>IXIT inputs</th>
                <th class="w12">Verdict</th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="$cases" mode="plan-case-row"/>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">No test case is selected: no provision has a support position yet.</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- One row per planned test case: provision, disposition, readiness, IXIT
       inputs, verdict. -->
  <xsl:template match="r:case" mode="plan-case-row">
    <xsl:variable name="tc" select="key('test-case', @id)"/>
    <xsl:variable name="v" select="key('verdict', @id)"/>
    <tr id="tc-{@id}">
      <td>
        <strong class="nowrap">
          <xsl:value-of select="@id"/>
        </strong>
        <span class="muted small">
          <xsl:text> </xsl:text>
          <xsl:value-of select="@kind"/>
        </span>
        <xsl:if test="$tc/c:purpose">
          <span class="purpose">
            <xsl:value-of select="normalize-space($tc/c:purpose)"/>
          </span>
        </xsl:if>
      </td>
      <td class="id">
        <a href="#ics-{@provision}">
          <xsl:value-of select="@provision"/>
        </a>
        <xsl:if test="@group != @provision">
          <span class="sub-id">
            <xsl:text>group </xsl:text>
            <xsl:value-of select="@group"/>
          </span>
        </xsl:if>
      </td>
      <td class="small nowrap">
        <xsl:choose>
          <xsl:when test="@disposition = 'test'">test</xsl:when>
          <xsl:when test="@disposition = 'justification'">justification check</xsl:when>
          <xsl:when test="@disposition = 'expected-fail'">
            <span class="b b-fail">expected to fail</span>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="@disposition"/>
          </xsl:otherwise>
        </xsl:choose>
      </td>
      <td>
        <xsl:choose>
          <xsl:when test="@ready = 'true'">
            <span class="b b-yes">&#x2713; ready</span>
          </xsl:when>
          <xsl:otherwise>
            <span class="b b-no">&#x2717; missing inputs</span>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@at-risk = 'true'">
          <div class="contra-mark">
            <span class="b b-risk">at risk of INCONCLUSIVE</span>
          </div>
        </xsl:if>
      </td>
      <td>
        <xsl:choose>
          <xsl:when test="r:input">
            <ul class="inputs">
              <xsl:apply-templates select="r:input" mode="plan-input"/>
            </ul>
          </xsl:when>
          <xsl:when test="not(r:unknown)">
            <span class="muted small">reads the ICS only</span>
          </xsl:when>
        </xsl:choose>
        <xsl:if test="r:unknown">
          <ul class="inputs">
            <xsl:apply-templates select="r:unknown" mode="plan-unknown"/>
          </ul>
        </xsl:if>
      </td>
      <td>
        <xsl:choose>
          <xsl:when test="$v">
            <a href="#v-{@id}">
              <xsl:call-template name="outcome-badge">
                <xsl:with-param name="outcome" select="$v/@result"/>
              </xsl:call-template>
            </a>
          </xsl:when>
          <xsl:otherwise>
            <span class="muted small">none yet</span>
          </xsl:otherwise>
        </xsl:choose>
      </td>
    </tr>
  </xsl:template>

  <!-- One IXIT input of a test case, present or not. -->
  <xsl:template match="r:input" mode="plan-input">
    <li class="{@present}">
      <span class="m">
        <xsl:choose>
          <xsl:when test="@present = 'yes'">&#x2713;</xsl:when>
          <xsl:when test="@present = 'no'">&#x2717;</xsl:when>
          <xsl:otherwise>?</xsl:otherwise>
        </xsl:choose>
      </span>
      <a href="#ixit-{@table}">
        <xsl:value-of select="@table"/>
      </a>
      <xsl:if test="@field">
        <xsl:text> </xsl:text>
        <xsl:call-template name="field-name">
          <xsl:with-param name="table" select="@table"/>
          <xsl:with-param name="field" select="@field"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="@present = 'unchecked'">
        <span class="muted"> (not checked by libetsi)</span>
      </xsl:if>
      <xsl:if test="@present = 'no' and normalize-space(.) != ''">
        <xsl:text>: </xsl:text>
        <xsl:value-of select="normalize-space(.)"/>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- A fact the test case reads that is unknown. -->
  <xsl:template match="r:unknown" mode="plan-unknown">
    <li class="unknown">
      <span class="m">?</span>
      <xsl:text>unknown: </xsl:text>
      <xsl:value-of select="normalize-space(.)"/>
    </li>
  </xsl:template>

</xsl:stylesheet>
