<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-html-gate.xsl: section 11 of the HTML report, the release gate and
  workflow (process).

  The gate's steps from the results (r:gate/r:step): one list item each
  (mode gate-step-item) and one table row each (mode gate-step-row) with
  the question, owner, sign-off (d:workflow/d:step), outputs, blockers
  and open questions (r:open-questions/r:question by step).

  Part of report-html.xsl, which includes it: it reads the driver's
  variables ($D the dossier, $R the results, $S their summary, $REQ the
  EN 303 645 catalog, ...), the helpers of report-html-base.xsl (sec-head,
  edition-en, edition-ts, ...) and the keys, labels and badges of
  common.xsl.  Its entry is the named template sec-gate; to change the
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

  <xsl:template name="sec-gate">
    <xsl:variable name="steps" select="$R/r:gate/r:step"/>
    <section class="sec" id="s-gate">
      <xsl:call-template name="sec-head">
        <xsl:with-param name="n">11</xsl:with-param>
        <xsl:with-param name="title">Release gate and workflow</xsl:with-param>
        <xsl:with-param name="layer">process</xsl:with-param>
      </xsl:call-template>
      <p class="lede">
        <xsl:text>The six steps from scoping the device to handing the assessment over. A step is complete when it has an owner and no unwaived error of its rules remains; the release is ready when all six are. The gate is </xsl:text>
        <strong>
          <xsl:choose>
            <xsl:when test="$S/@ready = 'true'">READY</xsl:when>
            <xsl:otherwise>NOT READY</xsl:otherwise>
          </xsl:choose>
        </strong>
        <xsl:text>. It asks whether the dossier is complete and consistent, not whether the product conforms: that is the clause 5.3 outcome.</xsl:text>
      </p>
      <ol class="steps">
        <xsl:apply-templates select="$steps" mode="gate-step-item"/>
      </ol>
      <table class="t fixed">
        <thead>
          <tr>
            <th class="w24">Step and question</th>
            <th class="w14">Owner</th>
            <th class="w22">Status</th>
            <th>Outputs</th>
            <th class="w22">Blockers</th>
          </tr>
        </thead>
        <tbody>
          <xsl:apply-templates select="$steps" mode="gate-step-row"/>
        </tbody>
      </table>
    </section>
  </xsl:template>

  <!-- One item per gate step in the overview list. -->
  <xsl:template match="r:step" mode="gate-step-item">
    <li class="{@status}">
      <span class="k">
        <xsl:text>Step </xsl:text>
        <xsl:value-of select="position()"/>
        <xsl:text> &#xB7; </xsl:text>
        <xsl:value-of select="@status"/>
      </span>
      <span class="t">
        <xsl:value-of select="@title"/>
      </span>
      <xsl:choose>
        <xsl:when test="@owner">
          <xsl:value-of select="@owner"/>
        </xsl:when>
        <xsl:otherwise>
          <span class="missing">no owner</span>
        </xsl:otherwise>
      </xsl:choose>
    </li>
  </xsl:template>

  <!-- One row per gate step: question, owner, status, outputs, blockers. -->
  <xsl:template match="r:step" mode="gate-step-row">
    <xsl:variable name="ws" select="key('workflow-step', @name)"/>
    <tr id="g-{@name}">
      <td>
        <strong>
          <xsl:value-of select="position()"/>
          <xsl:text>. </xsl:text>
          <xsl:value-of select="@title"/>
        </strong>
        <span class="sub-id mono">
          <xsl:value-of select="@name"/>
        </span>
        <div class="small gate-q">
          <xsl:value-of select="r:question"/>
        </div>
      </td>
      <td class="small">
        <xsl:choose>
          <xsl:when test="@owner">
            <xsl:value-of select="@owner"/>
            <xsl:if test="@owner-role">
              <span class="sub-id">
                <xsl:value-of select="@owner-role"/>
              </span>
            </xsl:if>
          </xsl:when>
          <xsl:otherwise>
            <span class="missing">no owner</span>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="translate(@owner-role, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') != @role">
          <span class="sub-id">
            <xsl:text>the gate asks for: </xsl:text>
            <xsl:value-of select="@role"/>
          </span>
        </xsl:if>
      </td>
      <td class="small">
        <xsl:choose>
          <xsl:when test="@status = 'complete'">
            <span class="b b-pass">&#x2713;&#xA0;complete</span>
          </xsl:when>
          <xsl:otherwise>
            <span class="b b-fail">&#x2717;&#xA0;blocked</span>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:choose>
          <xsl:when test="@signed-off">
            <span class="sub-id">
              <xsl:text>signed off </xsl:text>
              <xsl:value-of select="@signed-off"/>
            </span>
          </xsl:when>
          <xsl:when test="$ws/@signed-off">
            <span class="sub-id">
              <xsl:text>signed off </xsl:text>
              <xsl:value-of select="$ws/@signed-off"/>
            </span>
          </xsl:when>
          <xsl:otherwise>
            <span class="sub-id">not signed off</span>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$ws/d:note">
          <div class="muted" style="margin-top:4px">
            <xsl:value-of select="normalize-space($ws/d:note)"/>
          </div>
        </xsl:if>
      </td>
      <td class="small">
        <ul class="tight">
          <xsl:for-each select="r:output">
            <li>
              <xsl:value-of select="."/>
            </li>
          </xsl:for-each>
        </ul>
      </td>
      <td class="small">
        <xsl:choose>
          <xsl:when test="r:blocker">
            <ul class="tight">
              <xsl:for-each select="r:blocker">
                <li class="blocker">
                  <xsl:value-of select="."/>
                  <xsl:if test="@rule">
                    <span class="sub-id mono">
                      <xsl:value-of select="@rule"/>
                      <xsl:if test="@element">
                        <xsl:text> &#xB7; </xsl:text>
                        <xsl:value-of select="@element"/>
                      </xsl:if>
                    </span>
                  </xsl:if>
                </li>
              </xsl:for-each>
            </ul>
          </xsl:when>
          <xsl:otherwise>
            <span class="muted">none</span>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:variable name="questions" select="key('open-questions-by-step', @name)"/>
        <xsl:if test="$questions">
          <div class="contra-mark">
            <a href="#s-questions" class="b b-risk">
              <xsl:call-template name="plural">
                <xsl:with-param name="n" select="count($questions)"/>
                <xsl:with-param name="one">open question</xsl:with-param>
              </xsl:call-template>
            </a>
          </div>
        </xsl:if>
      </td>
    </tr>
  </xsl:template>

</xsl:stylesheet>
